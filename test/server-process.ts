// Starts and stops real NormFlix server processes for tests (the same server.ts that `npm start` runs).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freeLoopbackPort } from "../lib/free-port";

export const projectRoot = path.resolve(import.meta.dirname, "..");

// A test run migrates one database (PostgreSQL) or one PGlite directory before its tests, and every fresh database a
// test makes is a copy of it: forty migrations, run once instead of once per server. The global setup sets these; a
// process without them (a bench, the browser tests) migrates as usual.
const TEMPLATE_DATABASE = "NORMFLIX_TEST_TEMPLATE_DATABASE";
const TEMPLATE_PGLITE = "NORMFLIX_TEST_TEMPLATE_PGLITE";

/**
 * Migrates a template (a database beside `adminUrl`'s, or a PGlite directory without one) and returns the environment
 * that makes createTestDatabase, startServer and the in-process tests copy it, and a function that removes it.
 */
export async function createMigratedTemplate(adminUrl: string | undefined): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const migrationsFolder = path.join(projectRoot, "db", "migrations");
  if (adminUrl) {
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const database = await createTestDatabase(adminUrl, { migrated: false });
    const client = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client.end(); // a template must have no connections when it is copied
    }
    return { env: { [TEMPLATE_DATABASE]: new URL(database.url).pathname.slice(1) }, drop: database.drop };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = path.join(tempDataDir("template"), "pglite");
  const client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.close();
  }
  return { env: { [TEMPLATE_PGLITE]: dir }, drop: async () => fs.rmSync(path.dirname(dir), { recursive: true, force: true }) };
}

/** Gives `dataDir` a migrated PGlite database, copied from the run's template, unless it has one or there is none. */
export function seedPgliteFromTemplate(dataDir: string) {
  const template = process.env[TEMPLATE_PGLITE];
  const target = path.join(dataDir, "pglite");
  if (template && !fs.existsSync(target)) fs.cpSync(template, target, { recursive: true });
}

export const freePort = freeLoopbackPort;

export type ServerHandle = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<number | null> };

/**
 * Spawns server.ts in production mode and waits until /api/health answers 200. On PGlite, a DATA_DIR without a database
 * gets a copy of the run's migrated template, unless `migrated` is false (a first start as a new user makes it).
 */
export async function startServer(env: Record<string, string>, options: { startTimeoutMs?: number; migrated?: boolean } = {}): Promise<ServerHandle> {
  const port = await freePort();
  if (!env.DATABASE_URL && env.DATA_DIR && options.migrated !== false) seedPgliteFromTemplate(env.DATA_DIR);
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register-hooks.mjs", "server.ts"], {
    cwd: projectRoot,
    // No in-process transcode worker unless asked for: on PostgreSQL it would take the jobs that service-level media
    // tests queue in the same database, with a different MEDIA_DIR.
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), WORKER_IN_PROCESS: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `normflix-${label}-`));
}

/**
 * A fresh database on the server of `adminUrl` (a copy of the run's migrated template, if there is one and `migrated`
 * is not false); returns its URL and a function that drops it.
 */
export async function createTestDatabase(adminUrl: string, options: { migrated?: boolean } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `normflix_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const template = options.migrated === false ? undefined : process.env[TEMPLATE_DATABASE];
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
