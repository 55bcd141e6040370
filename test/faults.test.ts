import fs from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_CACHE_TTL_MS } from "@/lib/accounts/token-cache";
import { api, createAccount, randomIp, signIn, type ApiResponse, type TestAccount } from "./http";
import { createTestDatabase, startServer, tempDataDir, type ServerHandle } from "./server-process";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

// The app between PostgreSQL and its clients when the database misbehaves: backends killed under load, the database
// gone (a TCP proxy we cut stands for a restart), a query stuck behind a lock. One server, reaching its own fresh
// database through the proxy. PGlite runs in-process and cannot be cut off; its crash test is in server.test.ts.
const adminUrl = process.env.TEST_DATABASE_URL;

const STATEMENT_TIMEOUT_MS = 1_000;
/** A request still unanswered after this long has hung (connect timeout 2 s, statement timeout 1 s, plus slack). */
const HANG_MS = 10_000;
const MOVIE = "movie_watch_progress";

type Movie = { id: string };

describe.skipIf(!adminUrl)("database faults (PostgreSQL only: skipped unless TEST_DATABASE_URL is set)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let server: ServerHandle;
  let direct: postgres.Sql;
  let movies: Movie[];
  const dataDir = tempDataDir("faults");

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl!);
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    server = await startServer({
      DATABASE_URL: viaProxy.toString(),
      DATA_DIR: dataDir,
      DEMO_CATALOG: "metadata",
      RATE_LIMIT_MULTIPLIER: "50",
      TRUST_PROXY: "true",
      DATABASE_CONNECT_TIMEOUT_SECONDS: "2",
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    });
    direct = postgres(database.url, { max: 1, onnotice: () => {} });
    movies = await until(async () => {
      const items = (await call("GET", "/api/movies?limit=10")).body?.items ?? [];
      return items.length === 10 && items;
    }, "the demo catalog to be seeded");
  });

  afterAll(async () => {
    await server?.stop();
    await direct?.end();
    await proxy?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    api(method, path, { baseUrl: server.url, token, body, timeoutMs: HANG_MS });
  const progressPath = "/api/profiles/Main/progress";
  const readProgress = (token: string, movie: Movie) => call("GET", `${progressPath}?kind=${MOVIE}&movie_id=${movie.id}`, token);
  const writeProgress = (token: string, movie: Movie, progress: number) =>
    call("PUT", progressPath, token, { kind: MOVIE, movie_id: movie.id, progress });

  /** An account with a plan, a profile "Main" and progress at 0 in every movie. */
  async function viewer(): Promise<TestAccount> {
    const account = await createAccount({}, server.url);
    expect((await call("PUT", "/api/accounts/subscription", account.token, { subscription: "standard" })).status).toBe(200);
    expect((await call("POST", "/api/profiles/Main/new", account.token)).status).toBe(200);
    for (const movie of movies) {
      expect((await call("POST", progressPath, account.token, { kind: MOVIE, movie_id: movie.id, progress: 0 })).status).toBe(200);
    }
    return account;
  }

  /** A success, or the 503 envelope with Retry-After: what a client may see while the database fails. */
  function expectSuccessOrUnavailable(response: ApiResponse) {
    if (response.status >= 200 && response.status < 300) return;
    expectUnavailable(response);
  }

  function expectUnavailable(response: ApiResponse) {
    expect(response.status, response.text).toBe(503);
    expect(response.body?.error?.code, response.text).toBe("service_unavailable");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  }

  const health = () => call("GET", "/api/health");
  const waitUntilHealthy = () =>
    until(async () => (await health()).status === 200, "/api/health to answer 200 again");
  const waitUntilListening = () =>
    until(async () => (await health()).body?.database?.notifications === "listening", "notifications to be re-established");

  /** A revocation written straight to the database (as another instance would) must reach the server's token cache by
   * notification, long before the cached entry would expire on its own. */
  async function expectRevocationHeard(account: TestAccount) {
    const phone = await signIn(account.username, account.password, randomIp(), server.url);
    expect((await call("GET", "/api/accounts/me", phone)).status).toBe(200);
    const sessions: { id: string; current: boolean }[] = (await call("GET", "/api/accounts/sessions", phone)).body.items;
    await direct`update sessions set revoked_at = now() where id = ${sessions.find((s) => s.current)!.id}`;
    const start = Date.now();
    while ((await call("GET", "/api/accounts/me", phone)).status === 200) {
      if (Date.now() - start > TOKEN_CACHE_TTL_MS / 2) throw new Error("the revocation was not heard: is LISTEN back?");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it("backends killed under load: 2xx or 503, no acknowledged write lost, recovery without a restart", async () => {
    const clients = await Promise.all([viewer(), viewer(), viewer()]);
    const databaseName = new URL(database.url).pathname.slice(1);
    let running = true;
    const statuses: Record<number, number> = {};

    // Each client moves through the movies writing ever larger positions and reading them back; it remembers the
    // last position the server acknowledged (applied) per movie.
    const load = clients.map(async ({ token }) => {
      const acknowledged = new Map<string, number>();
      const writes = new Map<string, number>();
      for (let i = 0; running; i++) {
        const movie = movies[i % movies.length];
        const position = ((writes.get(movie.id) ?? 0) + 1) / 8;
        writes.set(movie.id, position * 8);
        const write = await writeProgress(token, movie, position);
        expectSuccessOrUnavailable(write);
        if (write.status === 200 && write.body.applied) acknowledged.set(movie.id, position);
        const read = await readProgress(token, movie);
        expectSuccessOrUnavailable(read);
        statuses[write.status] = (statuses[write.status] ?? 0) + 1;
        statuses[read.status] = (statuses[read.status] ?? 0) + 1;
      }
      return { token, acknowledged };
    }).map((client) => client.catch((error) => {
      running = false;
      throw error;
    }));

    const terminated: number[] = [];
    for (let kill = 0; kill < 3; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const rows = await direct`
        select pg_terminate_backend(pid) from pg_stat_activity where datname = ${databaseName} and pid <> pg_backend_pid()`;
      terminated.push(rows.length);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    running = false;
    const results = await Promise.all(load);
    console.log(`kills terminated ${terminated.join(", ")} backends; responses by status: ${JSON.stringify(statuses)}`);
    expect(terminated.every((count) => count > 0)).toBe(true);

    await waitUntilHealthy();
    for (const { token, acknowledged } of results) {
      for (const [movieId, position] of acknowledged) {
        const read = await readProgress(token, { id: movieId });
        expect(read.status).toBe(200);
        expect(read.body.progress).toBeGreaterThanOrEqual(position);
      }
    }
    await waitUntilListening();
    await expectRevocationHeard(clients[0]);
  });

  it("a query stuck behind a lock is cancelled by the statement timeout: 503 in bounded time, then fine", async () => {
    const account = await viewer();
    const holder = postgres(database.url, { max: 1, onnotice: () => {} });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const transaction = holder.begin(async (tx) => {
      await tx`
        select 1 from watch_progress wp join profiles p on p.id = wp.profile_id join accounts a on a.id = p.account_id
        where a.username = ${account.username} for update of wp`;
      locked();
      await released;
    });
    try {
      await isLocked;
      expectUnavailable(await writeProgress(account.token, movies[0], 5));
      expect((await health()).status).toBe(200);
      expect((await readProgress(account.token, movies[0])).body.progress).toBe(0);
    } finally {
      release();
      await transaction;
      await holder.end();
    }
    expect((await writeProgress(account.token, movies[0], 5)).status).toBe(200);
    expect((await readProgress(account.token, movies[0])).body.progress).toBe(5);
  });

  it("database unreachable: API, health and pages answer 503 quickly; the app recovers by itself", async () => {
    const account = await viewer();
    try {
      // A restarting server: connections dropped, new ones refused.
      proxy.setMode("refuse");
      expectUnavailable(await readProgress(account.token, movies[1]));
      expectUnavailable(await writeProgress(account.token, movies[1], 7));
      const unhealthy = await health();
      expectUnavailable(unhealthy);
      const page = await fetch(`${server.url}/`, { headers: { accept: "text/html" }, signal: AbortSignal.timeout(HANG_MS) });
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBeTruthy();
      expect(await page.text()).toContain("NormFlix is temporarily unavailable");

      // A network that swallows packets: the connect timeout, not the client, ends the wait.
      proxy.setMode("hang");
      expectUnavailable(await writeProgress(account.token, movies[1], 7));
      expectUnavailable(await health());
    } finally {
      proxy.setMode("open");
    }

    await waitUntilHealthy();
    expect((await writeProgress(account.token, movies[1], 7)).status).toBe(200);
    expect((await readProgress(account.token, movies[1])).body.progress).toBe(7);
    const page = await fetch(`${server.url}/`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    await waitUntilListening();
    await expectRevocationHeard(account);
  });
});

/** Polls `check` until it returns something truthy; fails after 20 s. */
async function until<T>(check: () => Promise<T | false | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const result = await check().catch(() => undefined);
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
