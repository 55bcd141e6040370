// Playback-event ingest on PostgreSQL, one production server process:
//  1. sustained ingest: clients POST /api/analytics/events batches of 500 back to back, against the empty handler
//     (GET /api/ping) driven the same way, in alternating rounds. Goal: ≥ 5,000 events/s.
//  2. the progress path while ingest runs: PUT /api/profiles/{name}/progress p99 alone and with ingest going at the
//     goal's sustained rate (BENCH_INGEST_RATE, 5,000 events/s, spread evenly over the ingest connections). Progress
//     is sent at BENCH_PROGRESS_LOAD (half) of the rate the server sustains for it alone, measured first in the same
//     run: a server with room to spare, where any added latency is ingest getting in the way of progress writes. Goal:
//     p99 with ingest within 10% of p99 alone. For information, also with progress flat out (the server saturated,
//     where any extra work queues) beside ingest at the goal's rate and beside ingest flat out.
//  3. the admin playback-quality report (GET /api/admin/analytics/playback?days=30) over BENCH_EVENT_ROWS (10 million)
//     stored events spread over the last 30 days. Goal: p95 < 200 ms.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:events
// Options (environment): BENCH_CLIENTS (8 ingest connections), BENCH_PROGRESS_CLIENTS (10), BENCH_DURATION_S (10 per
// phase and round), BENCH_ROUNDS (3), BENCH_INGEST_RATE (5000 events/s), BENCH_PROGRESS_LOAD (0.5), BENCH_EVENT_ROWS
// (10000000), BENCH_REPORTS (20 report requests).
import { spawnSync } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { createTestDatabase, projectRoot, startServer, tempDataDir, type ServerHandle } from "../../test/server-process";
import { percentile, send, type Reply } from "../load";
import { updateBenchmarks } from "../update-benchmarks";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const PROGRESS_CLIENTS = Number(process.env.BENCH_PROGRESS_CLIENTS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const INGEST_RATE = Number(process.env.BENCH_INGEST_RATE ?? 5000);
const PROGRESS_LOAD = Number(process.env.BENCH_PROGRESS_LOAD ?? 0.5);
const EVENT_ROWS = Number(process.env.BENCH_EVENT_ROWS ?? 10_000_000);
const REPORTS = Number(process.env.BENCH_REPORTS ?? 20);
const BATCH = 500;
const PASSWORD = "correct horse battery";

type Phase = { requests: number; seconds: number; latencies: number[]; failed: number };
type Loop = () => Promise<Reply>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs each loop for `seconds`, back to back, or with `perSecond` requests a second in all (each loop starting one
 * every loops/perSecond seconds, at once when behind); counts requests that start and end inside the window.
 */
async function drive(loops: Loop[], seconds: number, perSecond?: number): Promise<Phase> {
  const begin = performance.now();
  const end = begin + seconds * 1000;
  const interval = perSecond ? (loops.length / perSecond) * 1000 : 0;
  const phase: Phase = { requests: 0, seconds, latencies: [], failed: 0 };
  await Promise.all(
    loops.map(async (loop, i) => {
      for (let next = begin + (interval * i) / loops.length; performance.now() < end; next += interval) {
        if (next > performance.now()) await sleep(next - performance.now());
        if (performance.now() >= end) return;
        const started = performance.now();
        const reply = await loop().catch(() => undefined);
        const finished = performance.now();
        if (finished > end) return;
        phase.requests++;
        phase.latencies.push(finished - started);
        if (!reply || reply.status < 200 || reply.status >= 300) phase.failed++;
      }
    }),
  );
  return phase;
}

const merge = (phases: Phase[]): Phase => ({
  requests: phases.reduce((n, p) => n + p.requests, 0),
  seconds: phases.reduce((n, p) => n + p.seconds, 0),
  latencies: phases.flatMap((p) => p.latencies).sort((a, b) => a - b),
  failed: phases.reduce((n, p) => n + p.failed, 0),
});

const ms = (value: number) => `${value.toFixed(1)} ms`;
const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(0)}`;

async function main() {
  const build = spawnSync("npx", ["tsx", "scripts/ensure-build.ts"], { cwd: projectRoot, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed");
  const loadBefore = os.loadavg()[0];
  const database = await createTestDatabase(adminUrl);
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  const dataDir = tempDataDir("bench-events");
  let server: ServerHandle | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + PROGRESS_CLIENTS + 4 });
  try {
    server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: database.url, RATE_LIMIT_MULTIPLIER: "10000", DEMO_CATALOG: "metadata", WORKER_IN_PROCESS: "false" });
    const base = new URL(server.url);
    for (const deadline = Date.now() + 60_000; !/Demo catalog: \d+ titles/.test(server.output()); await sleep(200)) {
      if (Date.now() > deadline) throw new Error(`the demo catalog was not seeded:\n${server.output()}`);
    }
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const reply = await send(base, agent, method, path, token ? { authorization: `Bearer ${token}` } : {}, body === undefined ? undefined : JSON.stringify(body));
      if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${reply.body}`);
      return reply.body ? JSON.parse(reply.body) : {};
    };
    // The first account is the admin (the report); then one viewer per connection, each with a profile and a movie.
    const signUp = async (username: string) => {
      await call("POST", "/api/accounts/new", undefined, { username, password: PASSWORD, email: `${username}@example.com` });
      const { bearer_token: token } = await call("POST", "/api/accounts/token", undefined, { username, password: PASSWORD });
      await call("PUT", "/api/accounts/subscription", token, { subscription: "premium" });
      await call("POST", "/api/profiles/Main/new", token);
      return token as string;
    };
    const admin = await signUp("bench_events_admin");
    const movies = (await call("GET", "/api/movies?limit=100", admin)).items as { id: string }[];
    const viewers = await Promise.all(Array.from({ length: Math.max(CLIENTS, PROGRESS_CLIENTS) }, (_, i) => signUp(`bench_events_${i}`)));

    const batch = (movieId: string) =>
      JSON.stringify({
        events: Array.from({ length: BATCH }, (_, i) => ({
          type: "heartbeat",
          occurred_at: new Date().toISOString(),
          profile: "Main",
          item: movieId,
          data: { position_seconds: i, played_ms: 10_000, rendition: "720p", bitrate: 2_800_000 },
        })),
      });
    const ingest: Loop[] = viewers.slice(0, CLIENTS).map((token, i) => {
      const body = batch(movies[i % movies.length].id);
      return () => send(base, agent, "POST", "/api/analytics/events", { authorization: `Bearer ${token}` }, body);
    });
    const ping: Loop[] = ingest.map(() => () => send(base, agent, "GET", "/api/ping", {}));
    const progress: Loop[] = viewers.slice(0, PROGRESS_CLIENTS).map((token, i) => {
      let position = 0;
      const movie = movies[(i + 7) % movies.length].id;
      return () => send(base, agent, "PUT", "/api/profiles/Main/progress", { authorization: `Bearer ${token}` }, JSON.stringify({ kind: "movie_watch_progress", movie_id: movie, progress: (position = (position + 1) % 30) }));
    });
    for (const token of viewers.slice(0, PROGRESS_CLIENTS)) {
      const i = viewers.indexOf(token);
      await call("POST", "/api/profiles/Main/progress", token, { kind: "movie_watch_progress", movie_id: movies[(i + 7) % movies.length].id, progress: 0 });
    }

    console.log(`Warming up, then ${ROUNDS} rounds of ${DURATION_S} s per phase…`);
    await drive([...ingest, ...progress], 3);
    // What the server sustains for progress alone, flat out: the paced phases send a share of it.
    const capacity = await drive(progress, DURATION_S);
    const progressRate = (capacity.requests / capacity.seconds) * PROGRESS_LOAD;
    const ingestRate = INGEST_RATE / BATCH;
    const phases = { ping: [], ingest: [], alone: [], during: [], paced: [], saturatedAlone: [], saturatedDuring: [], flatOut: [] } as Record<string, Phase[]>;
    for (let round = 0; round < ROUNDS; round++) {
      phases.ping.push(await drive(ping, DURATION_S));
      phases.ingest.push(await drive(ingest, DURATION_S));
      phases.alone.push(await drive(progress, DURATION_S, progressRate));
      const [during, paced] = await Promise.all([drive(progress, DURATION_S, progressRate), drive(ingest, DURATION_S, ingestRate)]);
      phases.during.push(during);
      phases.paced.push(paced);
      phases.saturatedAlone.push(await drive(progress, DURATION_S));
      phases.saturatedDuring.push((await Promise.all([drive(progress, DURATION_S), drive(ingest, DURATION_S, ingestRate)]))[0]);
      phases.flatOut.push((await Promise.all([drive(progress, DURATION_S), drive(ingest, DURATION_S)]))[0]);
    }
    const [pingAll, ingestAll, alone, during] = [merge(phases.ping), merge(phases.ingest), merge(phases.alone), merge(phases.during)];
    const [pacedAll, saturatedAlone, saturatedDuring, flatOut] = [merge(phases.paced), merge(phases.saturatedAlone), merge(phases.saturatedDuring), merge(phases.flatOut)];
    const pacedRate = (pacedAll.requests * BATCH) / pacedAll.seconds;
    const eventsPerSecond = (ingestAll.requests * BATCH) / ingestAll.seconds;
    const pingPerSecond = pingAll.requests / pingAll.seconds;
    const p99Alone = percentile(alone.latencies, 99);
    const p99During = percentile(during.latencies, 99);
    const p99SaturatedAlone = percentile(saturatedAlone.latencies, 99);

    console.log(`Storing ${EVENT_ROWS.toLocaleString("en")} events over the last 30 days…`);
    const [{ account_id: accountId }] = await sql<{ account_id: string }[]>`select account_id from playback_events limit 1`;
    const [{ insertedAt }] = await sql<{ insertedAt: Date }[]>`select now() as "insertedAt"`;
    const started = performance.now();
    await sql.unsafe(`
      insert into playback_events (occurred_at, received_at, account_id, title_id, type, rendition, bitrate, duration_ms, error_code)
      select now() - (g % 2592000) * interval '1 second', now() - (g % 2592000) * interval '1 second', '${accountId}'::uuid, null,
             (array['heartbeat','heartbeat','heartbeat','startup','rebuffer_end','error','quality_change','play'])[1 + g % 8],
             (array['360p','720p','1080p'])[1 + g % 3], 800000 + (g % 5) * 700000, (g % 4000), case when g % 8 = 5 then 'network' end
      from generate_series(1, ${EVENT_ROWS}) g`);
    await sql`vacuum analyze playback_events`;
    const storedSeconds = (performance.now() - started) / 1000;
    // A month of history imported at once: one statement far longer than an ingest request, which the server's fold
    // (every 10 s, of events settled past the statement timeout) may have passed while it ran. As after any such
    // import, the rollup is rebuilt from scratch; wait until the fold has read everything.
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(727012)`; // the fold's lock (db/queries/playback-quality.ts): none runs meanwhile
      await tx`truncate playback_quality_days, playback_startup_times, playback_error_counts`;
      await tx`update playback_quality_fold set folded_until = '-infinity'`;
    });
    const foldStarted = performance.now();
    for (;;) {
      const [{ done }] = await sql<{ done: boolean }[]>`select folded_until > ${insertedAt} as done from playback_quality_fold`;
      if (done) break;
      if (performance.now() - foldStarted > 20 * 60_000) throw new Error("the playback-quality fold did not catch up within 20 minutes");
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const foldSeconds = (performance.now() - foldStarted) / 1000;
    // A report that fails (e.g. 503 when it outlasts DATABASE_STATEMENT_TIMEOUT_MS) is counted, not fatal.
    const report = () => send(base, agent, "GET", "/api/admin/analytics/playback?days=30", { authorization: `Bearer ${admin}` });
    await report();
    const reports: number[] = [];
    const reportStatuses = new Map<number, number>();
    for (let i = 0; i < REPORTS; i++) {
      const t = performance.now();
      const { status } = await report();
      reports.push(performance.now() - t);
      reportStatuses.set(status, (reportStatuses.get(status) ?? 0) + 1);
    }
    reports.sort((a, b) => a - b);
    const reportP95 = percentile(reports, 95);
    const reportsFailed = REPORTS - (reportStatuses.get(200) ?? 0);

    const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
    const body = `
\`npm run bench:events\` — one production server process on PostgreSQL (${os.cpus().length} cores), demo catalog, ${CLIENTS} ingest
connections posting batches of ${BATCH} heartbeats, ${PROGRESS_CLIENTS} connections writing progress at ${progressRate.toFixed(0)} req/s in all (${PROGRESS_LOAD} of the
${(capacity.requests / capacity.seconds).toFixed(0)} req/s the server sustained for progress alone, flat out, in this run); ${ROUNDS} rounds of ${DURATION_S} s per
phase, alternating. Load average ${loadBefore.toFixed(1)} before the run, ${os.loadavg()[0].toFixed(1)} after (other work on the machine weighs on every phase alike).

| measure | result | baseline in the same run | goal |
| --- | --- | --- | --- |
| events stored per second | ${Math.round(eventsPerSecond).toLocaleString("en")} (${(ingestAll.requests / ingestAll.seconds).toFixed(1)} batches/s, p99 ${ms(percentile(ingestAll.latencies, 99))}) | empty handler: ${pingPerSecond.toFixed(0)} req/s | ≥ 5,000 events/s: ${verdict(eventsPerSecond >= 5000)} |
| progress PUT p99 at ${progressRate.toFixed(0)} req/s while ingest runs at ${INGEST_RATE.toLocaleString("en")} events/s (${Math.round(pacedRate).toLocaleString("en")} stored/s, ${pacedAll.failed} failed) | ${ms(p99During)} (${during.failed} failed) | alone: ${ms(p99Alone)} | within 10%: ${verdict(p99During <= p99Alone * 1.1)} (${signed((p99During / p99Alone - 1) * 100)}%) |
| for information: progress PUT p99 flat out while ingest runs at ${INGEST_RATE.toLocaleString("en")} events/s | ${ms(percentile(saturatedDuring.latencies, 99))} (${saturatedDuring.failed} failed) | alone, flat out: ${ms(p99SaturatedAlone)} | – |
| for information: progress PUT p99 flat out while ingest runs flat out | ${ms(percentile(flatOut.latencies, 99))} (${flatOut.failed} failed) | alone, flat out: ${ms(p99SaturatedAlone)} | – |
| playback-quality report, 30 days, p95 of ${REPORTS} | ${ms(reportP95)} (median ${ms(percentile(reports, 50))}; statuses ${JSON.stringify(Object.fromEntries(reportStatuses))}) | ${EVENT_ROWS.toLocaleString("en")} events stored in ${storedSeconds.toFixed(0)} s, folded into the daily rollup in ${foldSeconds.toFixed(0)} s | < 200 ms: ${verdict(reportP95 < 200 && reportsFailed === 0)} |

Failed ingest requests: ${ingestAll.failed}.`;
    console.log(body);
    updateBenchmarks("Playback events", body);
  } finally {
    agent.destroy();
    await server?.stop();
    await sql.end();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
