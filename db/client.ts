import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { SQL } from "drizzle-orm";
import type { Sql } from "postgres";
import { dataDir, env } from "../lib/env";
import { acquireDataDirLock } from "./data-dir-lock";
import { createNotifications, type NotificationState, type Notifications } from "./notifications";
import { traceLogger } from "./query-trace";
import * as schema from "./schema";

// One database per process, opened once by server.ts (or a script) and shared through globalThis: the custom server
// and Next's bundled route code are separate module graphs in the same process, and must never open PGlite twice.

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

type Driver = { kind: "pglite"; client: PGlite } | { kind: "postgres"; client: Sql; notifications: Notifications };
type SharedState = { opening: Promise<Driver>; driver?: Driver; close: () => Promise<void> };

const globalKey = Symbol.for("normflix.database");
const shared = globalThis as unknown as { [globalKey]?: SharedState };

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK_ID = 727_001;

async function openPglite(): Promise<{ driver: Driver; close: () => Promise<void> }> {
  const release = acquireDataDirLock(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const pglitePath = path.join(dataDir, "pglite");
    fs.mkdirSync(path.dirname(pglitePath), { recursive: true });
    const client = await PGlite.create({ dataDir: pglitePath, extensions: { pg_trgm } });
    await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    return {
      driver: { kind: "pglite", client },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<{ driver: Driver; close: () => Promise<void> }> {
  const { default: postgres } = await import("postgres");
  // Migrate on one dedicated connection under an advisory lock, so instances starting together migrate once.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres({ client: migrator }), { migrationsFolder });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  const options = {
    onnotice: () => {},
    // While the database is unreachable a request fails after this long (503) instead of queueing for a connection.
    connect_timeout: env.DATABASE_CONNECT_TIMEOUT_SECONDS,
    // App queries only (the migrator above may wait on its lock): a stuck query answers 503 instead of holding a
    // connection and its request forever. No JIT: a request's query is over in milliseconds, and compiling one whose
    // estimate passes jit_above_cost took longer than running it (the playback-quality report: 3× slower with it).
    connection: { statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS, jit: "off" },
  };
  const client = postgres(url, { ...options, max: env.DATABASE_POOL_MAX, idle_timeout: 60 });
  const notifications = createNotifications(postgres, url, options);
  return {
    driver: { kind: "postgres", client, notifications },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), notifications.close()]);
    },
  };
}

/** Opens the database (lock, connect, migrate) once per process; later calls return the same promise. */
export function openDatabase(): Promise<void> {
  if (!shared[globalKey]) {
    const state: SharedState = {
      opening: (env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite()).then(({ driver, close }) => {
        state.driver = driver;
        state.close = close;
        return driver;
      }),
      close: async () => {},
    };
    state.opening.catch(() => {
      delete shared[globalKey];
    });
    shared[globalKey] = state;
  }
  return shared[globalKey].opening.then(() => undefined);
}

export async function closeDatabase(): Promise<void> {
  const state = shared[globalKey];
  if (!state) return;
  delete shared[globalKey];
  await state.opening.catch(() => undefined);
  await state.close();
}

let wrapped: { driver: Driver; db: Database } | undefined;

/** The drizzle instance of this module graph, over the process's one connection. */
export function db(): Database {
  const driver = shared[globalKey]?.driver;
  if (!driver) throw new Error("The database is not open: the server opens it at startup (openDatabase()).");
  if (wrapped?.driver !== driver) {
    const logger = env.TRACE_QUERIES ? traceLogger : undefined;
    const instance =
      driver.kind === "pglite"
        ? (drizzlePglite({ client: driver.client, schema, logger }) as unknown as Database)
        : drizzlePostgres({ client: driver.client, schema, logger });
    wrapped = { driver, db: instance };
  }
  return wrapped.db;
}

/** Rows of a raw statement, whichever driver runs it (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(query: SQL): Promise<T[]> {
  return rowsOf<T>(db().execute(query));
}

/** The rows of an execute() result (in a transaction too), whichever driver answered. */
export async function rowsOf<T>(result: Promise<unknown>): Promise<T[]> {
  const value = (await result) as T[] | { rows: T[] };
  return Array.isArray(value) ? value : value.rows;
}

export function databaseKind(): Driver["kind"] {
  return env.DATABASE_URL ? "postgres" : "pglite";
}

/**
 * Calls `onPayload` for every NOTIFY on `channel` (on PostgreSQL over one extra connection, re-established after the
 * database drops it; `onGap` then runs, as notifications sent meanwhile are lost). Returns the function that stops.
 */
export async function listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>> {
  await openDatabase();
  const driver = shared[globalKey]!.driver!;
  if (driver.kind === "pglite") return driver.client.listen(channel, onPayload);
  return driver.notifications.listen(channel, onPayload, onGap);
}

/** Whether this process is receiving notifications (PGlite's are in-process, so always when anything listens). */
export function notificationState(): NotificationState {
  const driver = shared[globalKey]?.driver;
  return driver?.kind === "postgres" ? driver.notifications.state() : "listening";
}
