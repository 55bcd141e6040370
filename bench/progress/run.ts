// Watch-progress write throughput on PostgreSQL: 50 viewers (each its own account, profile and movie) PUT their
// position over keep-alive connections to the real production server, against a JSON echo handler (PUT /api/ping:
// reads the same body, answers JSON, no database) and the empty handler (GET /api/ping), driven the same way in the
// same run and build. Goal: PUT req/s ≥ 0.8× the echo handler's.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:progress
// The three are measured in alternating rounds, so load from elsewhere on the machine weighs on both alike.
// Options (environment): BENCH_CLIENTS (50), BENCH_WARMUP_S (5), BENCH_DURATION_S (20, per endpoint, over all rounds),
// BENCH_ROUNDS (4); BENCH_CPU_PROF=<dir> adds, after
// the measured phases, a PUT and a ping phase of PROFILE_S each with the server's CPU profiler on
// (bench/progress/cpu-profile.cjs): the profiles go to that directory and the report says where the server's time goes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { createTestDatabase, projectRoot, startServer, tempDataDir, type ServerHandle } from "../../test/server-process";
import { updateBenchmarks } from "../update-benchmarks";
import { summarizeProfile } from "./profile-summary";
import { cpuSeconds, percentile, send, type Reply } from "../load";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 5);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
// 600 requests a minute per account × this: far above what one viewer can send here, so no 429, but the limiter runs.
const RATE_LIMIT_MULTIPLIER = 10_000;
const PROFILE = "Living room";
const PROFILE_S = 8;

type Phase = {
  label: string;
  requests: number;
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
  failures: number;
  notApplied: number;
  cpu: { server: number; postgres: number; loadGenerator: number };
};

type Client = { agent: http.Agent; request: () => Promise<Reply> };

/** Every client loops its request back to back; only those that start and end inside the measured window count. */
async function drive(
  label: string,
  clients: Client[],
  serverPid: number,
  check?: (reply: Reply) => boolean,
  { warmupS, durationS } = { warmupS: WARMUP_S, durationS: DURATION_S },
): Promise<Phase> {
  const warmupEnd = performance.now() + warmupS * 1000;
  const end = warmupEnd + durationS * 1000;
  const phase: Phase = { label, requests: 0, seconds: durationS, latencies: [], statuses: new Map(), failures: 0, notApplied: 0, cpu: { server: 0, postgres: 0, loadGenerator: 0 } };
  let before: { server: number; postgres: number; loadGenerator: number } | undefined;
  const sample = () => ({
    server: cpuSeconds((pid) => pid === serverPid),
    postgres: cpuSeconds((_, comm) => comm === "postgres"),
    loadGenerator: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  });
  const startSampling = setTimeout(() => (before = sample()), warmupS * 1000);

  await Promise.all(
    clients.map(async (client) => {
      for (;;) {
        const started = performance.now();
        if (started >= end) return;
        let reply: Reply | undefined;
        try {
          reply = await client.request();
        } catch {
          reply = undefined;
        }
        const finished = performance.now();
        if (started < warmupEnd || finished > end) continue;
        phase.requests++;
        phase.latencies.push(finished - started);
        if (!reply) {
          phase.failures++;
          continue;
        }
        phase.statuses.set(reply.status, (phase.statuses.get(reply.status) ?? 0) + 1);
        if (reply.status >= 200 && reply.status < 300 && check && !check(reply)) phase.notApplied++;
      }
    }),
  );
  clearTimeout(startSampling);
  const after = sample();
  if (before) phase.cpu = { server: after.server - before.server, postgres: after.postgres - before.postgres, loadGenerator: after.loadGenerator - before.loadGenerator };
  phase.latencies.sort((a, b) => a - b);
  return phase;
}

/** One phase out of several rounds of the same requests. */
function mergePhases(rounds: Phase[]): Phase {
  const statuses = new Map<number, number>();
  for (const round of rounds) for (const [status, n] of round.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
  const sum = (pick: (phase: Phase) => number) => rounds.reduce((total, phase) => total + pick(phase), 0);
  return {
    label: rounds[0].label,
    requests: sum((p) => p.requests),
    seconds: sum((p) => p.seconds),
    latencies: rounds.flatMap((p) => p.latencies).sort((a, b) => a - b),
    statuses,
    failures: sum((p) => p.failures),
    notApplied: sum((p) => p.notApplied),
    cpu: { server: sum((p) => p.cpu.server), postgres: sum((p) => p.cpu.postgres), loadGenerator: sum((p) => p.cpu.loadGenerator) },
  };
}

const non2xx = (phase: Phase) => [...phase.statuses].filter(([status]) => status < 200 || status >= 300).reduce((sum, [, n]) => sum + n, 0) + phase.failures;
const rps = (phase: Phase) => phase.requests / phase.seconds;

async function commits(sql: postgres.Sql, database: string): Promise<number> {
  const [row] = await sql<{ n: string }[]>`select xact_commit + xact_rollback as n from pg_stat_database where datname = ${database}`;
  return Number(row.n);
}

type Activity = { counts: Map<string, number>; samples: number; connections: number };

/** What the app's database connections do during a measured window (added to `into`): running (and waiting on what) or idle. */
async function sampleActivity(sql: postgres.Sql, database: string, durationMs: number, into: Activity) {
  const end = performance.now() + durationMs;
  const { counts } = into;
  while (performance.now() < end) {
    const rows = await sql<{ state: string | null; wait: string | null }[]>`
      select state, case when wait_event is null then null else wait_event_type || ':' || wait_event end as wait
      from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid() and backend_type = 'client backend'`;
    into.samples++;
    into.connections += rows.length;
    for (const row of rows) {
      const key = row.state === "active" ? `running${row.wait ? ` (waiting ${row.wait})` : " (on CPU)"}` : (row.state ?? "unknown");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    await sleep(20);
  }
}

function describeActivity({ counts, samples, connections }: Activity) {
  const describe = [...counts].sort(([, a], [, b]) => b - a).map(([key, n]) => `${(n / samples).toFixed(2)} ${key}`).join(", ");
  return { connections: connections / Math.max(1, samples), describe };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  console.log("Checking the production build (next build when sources changed)…");
  const build = spawnSync("npx", ["tsx", "scripts/ensure-build.ts"], { cwd: projectRoot, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed");

  const loadBefore = os.loadavg()[0];
  const database = await createTestDatabase(adminUrl);
  const databaseName = new URL(database.url).pathname.slice(1);
  const stats = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // Artwork of the demo catalog goes to DATA_DIR/media: a temporary one, not the project's ./data.
  const dataDir = tempDataDir("bench-progress");
  let server: ServerHandle | undefined;
  const agents: http.Agent[] = [];
  try {
    const profDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
    server = await startServer({
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      RATE_LIMIT_MULTIPLIER: String(RATE_LIMIT_MULTIPLIER),
      DEMO_CATALOG: "metadata",
      WORKER_IN_PROCESS: "false",
      ...(profDir ? { BENCH_CPU_PROF: profDir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(projectRoot, "bench/progress/cpu-profile.cjs")}`.trim() } : {}),
    });
    const base = new URL(server.url);
    const serverPid = server.child.pid!;
    console.log(`Server ${server.url} (pid ${serverPid}) on database ${databaseName}`);

    // The demo catalog is seeded right after the server starts listening.
    const deadline = Date.now() + 60_000;
    while (!/Demo catalog: \d+ titles/.test(server.output())) {
      if (Date.now() > deadline) throw new Error(`the demo catalog was not seeded:\n${server.output()}`);
      await sleep(200);
    }
    const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    agents.push(setupAgent);
    const movies = JSON.parse((await send(base, setupAgent, "GET", "/api/movies?limit=100", {})).body).items as { id: string }[];
    if (movies.length === 0) throw new Error("no movies in the demo catalog");

    // 50 viewers, each with its own account, subscription, profile and movie (the catalog has fewer movies than
    // viewers, so some share a title: every (profile, movie) row is still distinct).
    console.log(`Signing up ${CLIENTS} viewers…`);
    const run = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
    const expectOk = (what: string, reply: Reply) => {
      if (reply.status < 200 || reply.status >= 300) throw new Error(`${what}: ${reply.status} ${reply.body}`);
      return reply.body ? JSON.parse(reply.body) : {};
    };
    const viewers: { token: string; movieId: string; agent: http.Agent; position: number; timestamp: number }[] = [];
    const setupOne = async (i: number) => {
      const username = `bench_${run}_${i}`;
      const account = { username, password: "correct horse battery", email: `${username}@example.com` };
      expectOk("sign-up", await send(base, setupAgent, "POST", "/api/accounts/new", {}, JSON.stringify(account)));
      const { bearer_token: token } = expectOk("sign-in", await send(base, setupAgent, "POST", "/api/accounts/token", {}, JSON.stringify({ username, password: account.password })));
      const auth = { authorization: `Bearer ${token}` };
      expectOk("subscribe", await send(base, setupAgent, "PUT", "/api/accounts/subscription", auth, JSON.stringify({ subscription: "premium" })));
      expectOk("profile", await send(base, setupAgent, "POST", `/api/profiles/${encodeURIComponent(PROFILE)}/new`, auth));
      const movieId = movies[i % movies.length].id;
      const timestamp = Date.now();
      expectOk("initial progress", await send(base, setupAgent, "POST", `/api/profiles/${encodeURIComponent(PROFILE)}/progress`, auth,
        JSON.stringify({ kind: "movie_watch_progress", movie_id: movieId, progress: 1, client_timestamp: timestamp })));
      viewers[i] = { token, movieId, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), position: 1, timestamp };
      agents.push(viewers[i].agent);
    };
    for (let i = 0; i < CLIENTS; i += 4) await Promise.all([...Array(Math.min(4, CLIENTS - i)).keys()].map((k) => setupOne(i + k)));

    const progressPath = `/api/profiles/${encodeURIComponent(PROFILE)}/progress`;
    // The player reports a later position with a later client clock each time.
    const nextBody = (viewer: (typeof viewers)[number]) => {
      viewer.position += 0.5;
      viewer.timestamp = Math.max(Date.now(), viewer.timestamp + 1);
      return JSON.stringify({ kind: "movie_watch_progress", movie_id: viewer.movieId, progress: viewer.position, client_timestamp: viewer.timestamp });
    };
    const putClients: Client[] = viewers.map((viewer) => ({
      agent: viewer.agent,
      request: () => send(base, viewer.agent, "PUT", progressPath, { authorization: `Bearer ${viewer.token}` }, nextBody(viewer)),
    }));
    // The same body and headers to the echo handler, whose answer (the body back) is about the PUT's answer's size.
    const echoClients: Client[] = viewers.map((viewer) => ({
      agent: viewer.agent,
      request: () => send(base, viewer.agent, "PUT", "/api/ping", { authorization: `Bearer ${viewer.token}` }, nextBody(viewer)),
    }));
    const pingClients: Client[] = viewers.map((viewer) => ({ agent: viewer.agent, request: () => send(base, viewer.agent, "GET", "/api/ping", {}) }));

    // Pending statistics of busy backends are flushed at most once a second, of idle ones within 10 s: wait for the
    // setup's to land, and read the counter again after the ping phase (which does not touch the database).
    await sleep(11_000);
    const commitsBefore = await commits(stats, databaseName);
    let putsSent = 0;
    const countingPut = putClients.map((client) => ({ ...client, request: () => (putsSent++, client.request()) }));

    const putLabel = "PUT /api/profiles/{name}/progress";
    const pingLabel = "GET /api/ping (empty handler)";
    const echoLabel = "PUT /api/ping (JSON echo handler)";
    const applied = (reply: Reply) => JSON.parse(reply.body).applied === true;
    console.log(`Warm-up: ${WARMUP_S} s of each, ${CLIENTS} clients…`);
    await drive(putLabel, countingPut, serverPid, applied, { warmupS: WARMUP_S, durationS: 0 });
    await drive(echoLabel, echoClients, serverPid, undefined, { warmupS: WARMUP_S, durationS: 0 });
    await drive(pingLabel, pingClients, serverPid, undefined, { warmupS: WARMUP_S, durationS: 0 });
    const roundS = DURATION_S / ROUNDS;
    const putRounds: Phase[] = [];
    const pingRounds: Phase[] = [];
    const echoRounds: Phase[] = [];
    const activityCounts: Activity = { counts: new Map(), samples: 0, connections: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`Round ${round}/${ROUNDS}: ${roundS} s each of ${putLabel}, ${echoLabel}, ${pingLabel}…`);
      const sampling = sampleActivity(stats, databaseName, roundS * 1000, activityCounts);
      putRounds.push(await drive(putLabel, countingPut, serverPid, applied, { warmupS: 0, durationS: roundS }));
      await sampling;
      echoRounds.push(await drive(echoLabel, echoClients, serverPid, undefined, { warmupS: 0, durationS: roundS }));
      pingRounds.push(await drive(pingLabel, pingClients, serverPid, undefined, { warmupS: 0, durationS: roundS }));
    }
    const put = mergePhases(putRounds);
    const ping = mergePhases(pingRounds);
    const echo = mergePhases(echoRounds);
    await sleep(11_000);
    const statementsPerPut = ((await commits(stats, databaseName)) - commitsBefore) / putsSent;

    const backends = describeActivity(activityCounts);

    // Where the server's time goes: the same two phases again, shorter, with the CPU profiler on (it slows the server,
    // so the figures above come from the unprofiled phases).
    const profiles: { label: string; phase: Phase; file: string }[] = [];
    if (profDir) {
      for (const [label, clients] of [[putLabel, putClients], [echoLabel, echoClients], [pingLabel, pingClients]] as const) {
        console.log(`${label} with the CPU profiler on: ${PROFILE_S} s…`);
        const written = server.output().split("cpu profile written to").length;
        process.kill(serverPid, "SIGUSR2");
        const phase = await drive(label, clients, serverPid, undefined, { warmupS: 0, durationS: PROFILE_S });
        process.kill(serverPid, "SIGUSR2");
        const until = Date.now() + 30_000;
        while (server.output().split("cpu profile written to").length === written && Date.now() < until) await sleep(100);
        const file = /cpu profile written to (\S+)\s*$/.exec(server.output().trim())?.[1];
        if (file) profiles.push({ label, phase, file });
      }
    }

    // Diagnostic: the PUT's one statement called directly from this process with the app's query function and pool
    // size, no HTTP and no Next: the database side's ceiling.
    console.log(`The PUT's statement without HTTP: ${CLIENTS} loops, ${WARMUP_S} s warm-up + ${DURATION_S} s measured…`);
    let direct: Phase | undefined;
    let directProblem = "";
    try {
      // Opening the database migrates it from the working tree: the server did so already, so this is a no-op.
      process.env.DATABASE_URL = database.url;
      const { openDatabase, closeDatabase } = await import("@/db/client");
      const { findLiveSessionByTokenHash } = await import("@/db/queries/sessions");
      const { findProfile } = await import("@/db/queries/profiles");
      const { updateProgress } = await import("@/db/queries/progress");
      const { hashToken } = await import("@/lib/accounts/sessions");
      await openDatabase();
      try {
        // The token → account step is what the server's cache answers: done once per viewer, before measuring.
        // So is the profile, which withApi loads once per request.
        const profiles = await Promise.all(
          viewers.map(async (viewer) => {
            const accountId = (await findLiveSessionByTokenHash(hashToken(viewer.token)))?.accountId;
            return accountId ? findProfile(accountId, PROFILE) : undefined;
          }),
        );
        const directClients: Client[] = viewers.map((viewer, i) => ({
          agent: viewer.agent,
          request: async () => {
            const profile = profiles[i];
            if (!profile) return { status: 403, body: "" };
            viewer.position += 0.5;
            viewer.timestamp = Math.max(Date.now(), viewer.timestamp + 1);
            const outcome = await updateProgress(profile, { kind: "movie", movieId: viewer.movieId }, { positionSeconds: viewer.position, clientUpdatedAt: new Date(viewer.timestamp) });
            return { status: outcome.applied ? 200 : 409, body: "" };
          },
        }));
        direct = await drive("diagnostic: the statement alone, no HTTP", directClients, process.pid);
      } finally {
        await closeDatabase();
      }
    } catch (error) {
      directProblem = (error as Error).message.split("\n")[0];
      console.error(`The diagnostic could not run: ${directProblem}`);
    }
    const ratio = rps(put) / rps(echo);
    const row = (phase: Phase) =>
      `| ${phase.label} | ${Math.round(rps(phase)).toLocaleString("en-US")} | ${percentile(phase.latencies, 50).toFixed(1)} | ${percentile(phase.latencies, 99).toFixed(1)} | ${non2xx(phase)} |`;
    const perRequest = (seconds: number, phase: Phase) => ((seconds / Math.max(1, phase.requests)) * 1000).toFixed(2);
    const cpuRow = (phase: Phase) =>
      `| ${phase.label} | ${(phase.cpu.server / phase.seconds).toFixed(2)} | ${perRequest(phase.cpu.server, phase)} | ${(phase.cpu.postgres / phase.seconds).toFixed(2)} | ${perRequest(phase.cpu.postgres, phase)} | ${(phase.cpu.loadGenerator / phase.seconds).toFixed(2)} |`;
    const profileReport = (): string[] => {
      if (profiles.length === 0) return [];
      const shares = profiles.map(({ file }) => new Map(summarizeProfile(file).map(({ category, share }) => [category, share])));
      const categories = [...new Set(shares.flatMap((map) => [...map.keys()]))].sort((a, b) => (shares[0].get(b) ?? 0) - (shares[0].get(a) ?? 0));
      const msPerRequest = profiles.map(({ phase }) => phase.cpu.server / Math.max(1, phase.requests) * 1000);
      return [
        "",
        `Where the server's CPU goes: each phase again for ${PROFILE_S} s with V8's CPU profiler on (BENCH_CPU_PROF; self time by`,
        "who runs it, bundle frames mapped to their sources; the profiler itself slows the server, hence the separate phases).",
        "Milliseconds of server CPU per request, by category:",
        "",
        `| category | ${profiles.map(({ label }) => label).join(" | ")} |`,
        `| --- | ${profiles.map(() => "---").join(" | ")} |`,
        ...categories.map((category) => `| ${category} | ${shares.map((map, i) => ((map.get(category) ?? 0) * msPerRequest[i]).toFixed(3)).join(" | ")} |`),
        `| **total (${profiles.map(({ phase }) => `${Math.round(rps(phase))} req/s`).join(", ")})** | ${msPerRequest.map((ms) => `**${ms.toFixed(3)}**`).join(" | ")} |`,
        "",
        ...explainCeiling(shares[0], msPerRequest[0], msPerRequest[1]),
      ];
    };
    // With the server's one thread as the bottleneck, req/s ∝ 1 / CPU per request: what the PUT could reach even if
    // everything NormFlix itself runs (its code and the libraries it calls) cost nothing.
    const explainCeiling = (putShares: Map<string, number>, putMs: number | undefined, echoMs: number | undefined): string[] => {
      if (putMs === undefined || echoMs === undefined) return [];
      const ours = ["NormFlix code (app/, lib/, db/, server.ts)", "postgres.js", "zod", "drizzle-orm"];
      const oursMs = ours.reduce((total, category) => total + (putShares.get(category) ?? 0) * putMs, 0);
      const floorMs = putMs - oursMs;
      return [
        `Reading: the PUT costs ${putMs.toFixed(2)} ms of server CPU, the echo handler ${echoMs.toFixed(2)} ms. NormFlix's code with the`,
        `libraries it calls (postgres.js, zod, drizzle) is ${oursMs.toFixed(2)} ms of it; the other ${floorMs.toFixed(2)} ms are Next.js serving a`,
        "dynamic route with a request body and a JSON response (routing, the request and response as web streams, its",
        "AsyncLocalStorage and tracing), Node's HTTP and socket writes, and the garbage they leave. Were NormFlix's share",
        `free, the PUT would reach ${(echoMs / floorMs).toFixed(2)}× the echo handler's rate while the server's thread is the bottleneck.`,
        "(Shares are of the main thread's samples, scaled to the process's CPU per request.)",
      ];
    };
    const statusList = (phase: Phase) => [...phase.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(", ");
    const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
    const loadAfter = os.loadavg()[0];
    const report = [
      `Command: \`BENCH_DATABASE_URL=${adminUrl}${profDir ? " BENCH_CPU_PROF=<dir>" : ""} npm run bench:progress\` (bench/progress/run.ts). The production server`,
      `(server.ts, \`NODE_ENV=production\`, one process, \`DATABASE_POOL_MAX\` default) on a fresh PostgreSQL database,`,
      `\`RATE_LIMIT_MULTIPLIER=${RATE_LIMIT_MULTIPLIER}\` (the limiter runs on every request but never answers 429). ${CLIENTS} viewers, each`,
      `its own account (premium), profile and movie, one keep-alive connection each, sending back to back; each PUT a`,
      "later `progress` and `client_timestamp`. Baselines, same run and build and clients: `PUT /api/ping`, a route handler",
      "that reads the same JSON body (same headers) and answers it back as JSON (no `withApi`, no database), and `GET /api/ping`,",
      "which returns 204 and does nothing. After " + `${WARMUP_S} s of warm-up of each, ${ROUNDS} alternating rounds of ${DURATION_S / ROUNDS} s PUT, echo, ping`,
      `(${DURATION_S} s measured of each), so other load on the machine weighs on all alike.`,
      `Load generator (Node \`http\`), server and PostgreSQL share the machine: ${os.cpus().length} cores (${cpu}), Node ${process.version};`,
      `load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end (other work on the machine takes CPU from both phases).`,
      "",
      "| endpoint | req/s | p50 ms | p99 ms | non-2xx |",
      "| --- | --- | --- | --- | --- |",
      row(put),
      row(echo),
      row(ping),
      "",
      `Ratio PUT / echo handler: **${ratio.toFixed(2)}×** (goal ≥ 0.8×): ${ratio >= 0.8 ? "met" : "NOT met"}; PUT / empty handler: ${(rps(put) / rps(ping)).toFixed(2)}×.`,
      `Statuses — PUT: ${statusList(put) || "none"}${put.failures ? `, ${put.failures} connection errors` : ""}; echo: ${statusList(echo) || "none"}; ping: ${statusList(ping) || "none"}${echo.failures + ping.failures ? `, ${echo.failures + ping.failures} baseline connection errors` : ""}.` +
        (put.notApplied ? ` ${put.notApplied} PUTs answered \`applied: false\`.` : " Every PUT answered `applied: true`."),
      "",
      "Database round trips per PUT, from the code: 2 — the profile, which withApi loads once and authorizes (its lock,",
      "lib/access/), then the progress statement (item, visibility and update in one CTE, a prepared statement). The",
      "bearer token's account comes from the process's token cache (looked up again after 5 s;",
      "`last_seen_at` written at most once a minute per session) and the rate limit is counted in memory, its counters",
      "flushed for every client at once in one statement every 0.5 s (lib/rate-limit.ts). Measured:",
      `${statementsPerPut.toFixed(2)} committed statements per PUT (\`pg_stat_database\` xact_commit over the PUT phase, warm-up included).`,
      "",
      `The app's ${backends.connections.toFixed(1)} pool connections during the measured PUT window, on average: ${backends.describe}`,
      "(`pg_stat_activity`, sampled every 20 ms).",
      "",
      "Diagnostic, same run: the PUT's statement called directly with the app's query function (same pool of",
      `10 connections, ${CLIENTS} concurrent loops, no HTTP, no Next) — the database side's ceiling on this machine:`,
      "",
      "| what | per s | p50 ms | p99 ms | failed |",
      "| --- | --- | --- | --- | --- |",
      direct ? row(direct) : `| (not run: ${directProblem}) | | | | |`,
      "",
      "CPU used during the measured window (cores busy on average, and CPU milliseconds per request; \"server\" is the",
      "bench process in the diagnostic row):",
      "",
      "| phase | server cores | server ms/req | PostgreSQL cores | PostgreSQL ms/req | load generator cores |",
      "| --- | --- | --- | --- | --- | --- |",
      cpuRow(put),
      cpuRow(echo),
      cpuRow(ping),
      ...(direct ? [cpuRow(direct)] : []),
      ...profileReport(),
    ].join("\n");
    console.log(`\n${report}\n`);
    updateBenchmarks("Progress writes", report);
    if (non2xx(put) + non2xx(echo) + non2xx(ping) > 0) process.exitCode = 1;
  } finally {
    for (const agent of agents) agent.destroy();
    if (server) {
      const code = await server.stop();
      if (code !== 0) console.error(`server exited with ${code}:\n${server.output().slice(-2000)}`);
    }
    await stats.end();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
