// Public catalog reads against the empty route handler, on PostgreSQL: each catalog endpoint, anonymous and acting as a
// profile (`?profile=` with a bearer token), measured over keep-alive connections to the real production server in
// rounds alternating with GET /api/ping (same run, same build, same connections), so load from elsewhere on the machine
// weighs on both alike. Goal: every endpoint ≥ 0.7× ping's req/s. Prints the machine's load with the figures.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:catalog
// Options (environment): BENCH_CLIENTS (20), BENCH_WARMUP_S (1), BENCH_PHASE_S (3, per phase), BENCH_ROUNDS (2),
// BENCH_TITLES (0: the demo catalog only; e.g. 100000 adds that many generated titles, then measures search again).
import { spawnSync } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { createTestDatabase, projectRoot, startServer, tempDataDir, type ServerHandle } from "../../test/server-process";
import { cpuSeconds, loopRequests, percentile, send, type Reply } from "../load";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 1);
const PHASE_S = Number(process.env.BENCH_PHASE_S ?? 3);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const TITLES = Number(process.env.BENCH_TITLES ?? 0);
const GOAL = 0.7;

type Phase = { requests: number; seconds: number; latencies: number[]; bad: number; cpuServer: number; cpuPostgres: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every client sends `path` back to back for WARMUP_S + PHASE_S; only requests inside the measured window count. */
async function drive(base: URL, agents: http.Agent[], path: string, headers: Record<string, string>, serverPid: number): Promise<Phase> {
  const warmupEnd = performance.now() + WARMUP_S * 1000;
  const end = warmupEnd + PHASE_S * 1000;
  const phase: Phase = { requests: 0, seconds: PHASE_S, latencies: [], bad: 0, cpuServer: 0, cpuPostgres: 0 };
  let before: { server: number; postgres: number } | undefined;
  const sample = () => ({ server: cpuSeconds((pid) => pid === serverPid), postgres: cpuSeconds((_, comm) => comm === "postgres") });
  const timer = setTimeout(() => (before = sample()), WARMUP_S * 1000);
  await loopRequests(agents, (agent) => send(base, agent, "GET", path, headers), warmupEnd, end, (reply, latency) => {
    phase.requests++;
    phase.latencies.push(latency);
    if (!reply || reply.status >= 300) phase.bad++;
  });
  clearTimeout(timer);
  const after = sample();
  if (before) {
    phase.cpuServer = after.server - before.server;
    phase.cpuPostgres = after.postgres - before.postgres;
  }
  return phase;
}

function merge(phases: Phase[]): Phase {
  const sum = (pick: (p: Phase) => number) => phases.reduce((total, p) => total + pick(p), 0);
  return {
    requests: sum((p) => p.requests),
    seconds: sum((p) => p.seconds),
    latencies: phases.flatMap((p) => p.latencies).sort((a, b) => a - b),
    bad: sum((p) => p.bad),
    cpuServer: sum((p) => p.cpuServer),
    cpuPostgres: sum((p) => p.cpuPostgres),
  };
}

const rps = (p: Phase) => p.requests / p.seconds;
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" / ");
const ms = (seconds: number, requests: number) => (requests ? ((seconds * 1000) / requests).toFixed(2) : "–");

type Row = { label: string; ratio: number; line: string };

async function measure(base: URL, agents: http.Agent[], serverPid: number, label: string, path: string, headers: Record<string, string>): Promise<Row> {
  const endpointRounds: Phase[] = [];
  const pingRounds: Phase[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    pingRounds.push(await drive(base, agents, "/api/ping", {}, serverPid));
    endpointRounds.push(await drive(base, agents, path, headers, serverPid));
  }
  const endpoint = merge(endpointRounds);
  const ping = merge(pingRounds);
  const ratio = rps(endpoint) / rps(ping);
  const line =
    `| ${label} | ${rps(endpoint).toFixed(0)} | ${rps(ping).toFixed(0)} | **${ratio.toFixed(2)}×** ${ratio >= GOAL ? "met" : "missed"} | ` +
    `${percentile(endpoint.latencies, 50).toFixed(1)} / ${percentile(endpoint.latencies, 99).toFixed(1)} | ` +
    `${ms(endpoint.cpuServer, endpoint.requests)} + ${ms(endpoint.cpuPostgres, endpoint.requests)} | ${ms(ping.cpuServer, ping.requests)} |` +
    (endpoint.bad ? ` ${endpoint.bad} failed/non-2xx |` : "");
  console.log(line);
  return { label, ratio, line };
}

const HEADER =
  "| endpoint | req/s | ping req/s | ratio | p50 / p99 ms | CPU per request, ms (Node + PostgreSQL) | ping CPU/req ms |\n" +
  "| --- | --- | --- | --- | --- | --- | --- |";

async function main() {
  console.log("Checking the production build (next build when sources changed)…");
  const build = spawnSync("npx", ["tsx", "scripts/ensure-build.ts"], { cwd: projectRoot, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed");

  const database = await createTestDatabase(adminUrl);
  const dataDir = tempDataDir("bench-catalog");
  let server: ServerHandle | undefined;
  const agents = Array.from({ length: CLIENTS }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const rows: Row[] = [];
  try {
    server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: database.url, RATE_LIMIT_MULTIPLIER: "100000", DEMO_CATALOG: "metadata", WORKER_IN_PROCESS: "false" });
    const base = new URL(server.url);
    const serverPid = server.child.pid!;
    const deadline = Date.now() + 60_000;
    while (!/Demo catalog: \d+ titles/.test(server.output())) {
      if (Date.now() > deadline) throw new Error(`the demo catalog was not seeded:\n${server.output()}`);
      await sleep(200);
    }
    const setup = agents[0];
    const json = (reply: Reply) => {
      if (reply.status >= 300) throw new Error(`${reply.status} ${reply.body}`);
      return JSON.parse(reply.body);
    };
    const account = { username: `bench_${process.pid}`, password: "correct horse battery", email: `bench_${process.pid}@example.com` };
    json(await send(base, setup, "POST", "/api/accounts/new", {}, JSON.stringify(account)));
    const token = json(await send(base, setup, "POST", "/api/accounts/token", {}, JSON.stringify(account))).bearer_token as string;
    const auth = { authorization: `Bearer ${token}` };
    const profile = "Bench";
    json(await send(base, setup, "POST", `/api/profiles/${profile}/new`, auth));
    const movie = json(await send(base, setup, "GET", "/api/movies?limit=1", {})).items[0].id as string;
    const show = json(await send(base, setup, "GET", "/api/shows?limit=1", {})).items[0].id as string;

    const endpoints: Array<[string, string]> = [
      ["GET /api/movies?limit=20", "/api/movies?limit=20"],
      ["GET /api/movies/{id}", `/api/movies/${movie}`],
      ["GET /api/shows?limit=20", "/api/shows?limit=20"],
      ["GET /api/shows/{id}", `/api/shows/${show}`],
      ["GET /api/shows/{id}/seasons/1/episodes/1", `/api/shows/${show}/seasons/1/episodes/1`],
      ["GET /api/genres", "/api/genres"],
      ["GET /api/browse/trending", "/api/browse/trending"],
      ["GET /api/browse/new", "/api/browse/new"],
      ["GET /api/search?q=dustwalk", "/api/search?q=dustwalk"],
    ];
    const withProfile = (path: string) => `${path}${path.includes("?") ? "&" : "?"}profile=${encodeURIComponent(profile)}`;

    const loadBefore = load();
    console.log(`\nServer ${server.url} (pid ${serverPid}), database ${new URL(database.url).pathname.slice(1)}, ${CLIENTS} connections, ` +
      `${ROUNDS} rounds of ${PHASE_S} s per endpoint and ping, alternating. ${os.cpus().length} CPUs; load average (1/5/15 min) ${loadBefore}.\n`);
    console.log(HEADER);
    for (const [label, path] of endpoints) {
      rows.push(await measure(base, agents, serverPid, `${label} (anonymous)`, path, {}));
      rows.push(await measure(base, agents, serverPid, `${label} (as a profile)`, withProfile(path), auth));
    }

    if (TITLES > 0) {
      console.log(`\nGenerating ${TITLES} more titles…`);
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      try {
        await sql`
          insert into titles (kind, title, synopsis, year, maturity_rating, maturity_level)
          select case when i % 5 = 0 then 'show'::title_kind else 'movie'::title_kind end,
            'Generated ' || md5(i::text) || ' ' || i, 'A generated title.', 1950 + i % 76, 'PG-13', 2
          from generate_series(1, ${TITLES}) i`;
        await sql`analyze titles`;
        const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from titles`;
        console.log(`${n} titles.\n`);
      } finally {
        await sql.end();
      }
      console.log(HEADER);
      for (const [label, path] of [["GET /api/search?q=dustwalk", "/api/search?q=dustwalk"], ["GET /api/movies?limit=20", "/api/movies?limit=20"]]) {
        rows.push(await measure(base, agents, serverPid, `${label} (anonymous, ${TITLES} more titles)`, path, {}));
        rows.push(await measure(base, agents, serverPid, `${label} (as a profile, ${TITLES} more titles)`, withProfile(path), auth));
      }
    }

    const missed = rows.filter((row) => row.ratio < GOAL);
    console.log(`\nLoad average (1/5/15 min) before ${loadBefore}, after ${load()} (a shared machine: other work runs alongside).`);
    console.log(missed.length ? `Goal ≥ ${GOAL}× ping missed by: ${missed.map((row) => row.label).join("; ")}` : `Goal ≥ ${GOAL}× ping met by every endpoint.`);
  } finally {
    for (const agent of agents) agent.destroy();
    await server?.stop();
    await database.drop();
  }
}

await main();
