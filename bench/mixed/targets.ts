// What the mixed benchmark runs against: one server on PGlite, one on PostgreSQL, or two behind nginx (the loopback
// cluster's own startup code). Each gets the demo catalog's titles plus playable movies, and viewer accounts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createTestDatabase, projectRoot, startServer, tempDataDir, type ServerHandle } from "../../test/server-process";
import { startCluster } from "../../scripts/cluster/start-cluster";
import { send } from "../load";
import type { Catalog, Identity } from "./viewer";

export type Target = {
  label: string;
  base: URL;
  catalog: Catalog;
  /** Pids whose CPU the report counts as the server's. */
  serverPids: () => number[];
  /** At least `count` viewers, each its own (account, profile, device); four per premium account. */
  viewers: (count: number) => Promise<Identity[]>;
  stop: () => Promise<void>;
};

// 600 requests a minute per account × this: the limiter runs on every request but never answers 429.
export const RATE_LIMIT_MULTIPLIER = "10000";
const PROFILES = ["Viewer 1", "Viewer 2", "Viewer 3", "Viewer 4"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** First start on an empty database seeds the demo catalog's titles; then playable movies are added beside it. */
async function seed(env: Record<string, string>): Promise<string[]> {
  const first = await startServer({ ...env, DEMO_CATALOG: "metadata" });
  const deadline = Date.now() + 60_000;
  while (!/Demo catalog: \d+ titles/.test(first.output())) {
    if (Date.now() > deadline) throw new Error(`the demo catalog was not seeded:\n${first.output()}`);
    await sleep(200);
  }
  await first.stop();
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register-hooks.mjs", "bench/mixed/seed-fixture.ts"], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`seeding playable movies failed (${code}): ${output}`);
  return JSON.parse(output.trim().split("\n").pop()!).movieIds;
}

async function expectOk(what: string, reply: Promise<{ status: number; body: string }>) {
  const { status, body } = await reply;
  if (status < 200 || status >= 300) throw new Error(`${what}: ${status} ${body}`);
  return body ? JSON.parse(body) : {};
}

async function describeCatalog(base: URL, playableIds: string[]): Promise<Catalog> {
  const agent = new http.Agent({ keepAlive: true });
  const movies = (await expectOk("list movies", send(base, agent, "GET", "/api/movies?limit=100", {}))).items as { id: string; title: string }[];
  agent.destroy();
  const words = movies.flatMap((movie) => movie.title.toLowerCase().split(/\W+/)).filter((word) => word.length >= 3);
  return { movieIds: movies.map((movie) => movie.id), playableIds, searchTerms: [...new Set(words)].slice(0, 40) };
}

/** Viewer accounts, created on demand through the API as the steps grow (sign-up hashes passwords: slow). */
function viewerPool(base: URL, playableIds: string[]) {
  const pool: Identity[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const run = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
  const createAccount = async (index: number) => {
    const username = `mixed_${run}_${index}`;
    const password = "correct horse battery";
    const ip = { "x-forwarded-for": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` };
    await expectOk("sign up", send(base, agent, "POST", "/api/accounts/new", ip, JSON.stringify({ username, password, email: `${username}@example.com` })));
    const token = (await expectOk("sign in", send(base, agent, "POST", "/api/accounts/token", ip, JSON.stringify({ username, password })))).bearer_token as string;
    const auth = { authorization: `Bearer ${token}` };
    await expectOk("subscribe", send(base, agent, "PUT", "/api/accounts/subscription", auth, JSON.stringify({ subscription: "premium" })));
    for (const [p, profile] of PROFILES.entries()) {
      const name = encodeURIComponent(profile);
      await expectOk("add profile", send(base, agent, "POST", `/api/profiles/${name}/new`, auth));
      // PUT progress answers 404 until a first POST.
      for (const movieId of playableIds) {
        await expectOk("first progress", send(base, agent, "POST", `/api/profiles/${name}/progress`, auth, JSON.stringify({ kind: "movie_watch_progress", movie_id: movieId, progress: 0 })));
      }
      pool[index * PROFILES.length + p] = { token, profile, device: `bench-viewer-${index}-${p}` };
    }
  };
  return {
    viewers: async (count: number) => {
      const first = Math.ceil(pool.length / PROFILES.length);
      const needed = Math.ceil(count / PROFILES.length);
      for (let index = first; index < needed; index += 4) {
        await Promise.all(Array.from({ length: Math.min(4, needed - index) }, (_, k) => createAccount(index + k)));
      }
      return pool.slice(0, count);
    },
    close: () => agent.destroy(),
  };
}

export async function startSingle(kind: "pglite" | "postgres", adminUrl: string): Promise<Target> {
  const dataDir = tempDataDir(`bench-mixed-${kind}`);
  const database = kind === "postgres" ? await createTestDatabase(adminUrl) : undefined;
  const env = { DATA_DIR: dataDir, DATABASE_URL: database?.url ?? "", RATE_LIMIT_MULTIPLIER, TRUST_PROXY: "true" };
  let server: ServerHandle | undefined;
  try {
    const playableIds = await seed(env);
    server = await startServer({ ...env, DEMO_CATALOG: "metadata" });
    const base = new URL(server.url);
    const pool = viewerPool(base, playableIds);
    const running = server;
    return {
      label: `one process, ${kind === "postgres" ? "PostgreSQL" : "PGlite"}`,
      base,
      catalog: await describeCatalog(base, playableIds),
      serverPids: () => [running.child.pid!],
      viewers: pool.viewers,
      stop: async () => {
        pool.close();
        await running.stop();
        await database?.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.stop();
    await database?.drop();
    throw error;
  }
}

export async function startTwoInstances(adminUrl: string): Promise<Target> {
  const database = await createTestDatabase(adminUrl);
  const work = tempDataDir("bench-mixed-cluster");
  const mediaDir = path.join(work, "media");
  try {
    const playableIds = await seed({ DATA_DIR: work, MEDIA_DIR: mediaDir, DATABASE_URL: database.url, RATE_LIMIT_MULTIPLIER });
    const cluster = await startCluster({
      databaseUrl: database.url,
      instances: 2,
      worker: false,
      mediaDir,
      label: "bench-mixed",
      env: { RATE_LIMIT_MULTIPLIER, DEMO_CATALOG: "metadata" },
    });
    const base = new URL(cluster.url);
    const pool = viewerPool(base, playableIds);
    return {
      label: "two processes behind nginx, PostgreSQL",
      base,
      catalog: await describeCatalog(base, playableIds),
      serverPids: () => cluster.apps.map((app) => app.child.pid!),
      viewers: pool.viewers,
      stop: async () => {
        pool.close();
        await cluster.stop();
        await database.drop();
        fs.rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
