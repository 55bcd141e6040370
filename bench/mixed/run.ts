// How many simulated viewers one NormFlix process sustains with p99 < 200 ms, on PGlite and on PostgreSQL, and two
// processes behind nginx, under a mixed viewer workload (bench/mixed/viewer.ts: browse, search, open a title, start a
// stream, progress every 10 s). Baseline, same run: the same viewers sending GET /api/ping (an empty handler) on the
// same schedule to one process. Viewers step up until p99 > 200 ms or a request fails.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:mixed
// Options (environment): BENCH_STEPS (5,10,25,50,100,200,400,800), BENCH_WARMUP_S (5), BENCH_STEP_S (15, measured per
// step), BENCH_TIME_SCALE (10: think times and the progress interval divided by it), BENCH_PROGRESS_WRITES (6 per
// stream), BENCH_CONFIGS (ping,pglite,postgres,cluster).
import { spawnSync } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { projectRoot } from "../../test/server-process";
import { updateBenchmarks } from "../update-benchmarks";
import { cpuSeconds, percentile } from "../load";
import { startSingle, startTwoInstances, RATE_LIMIT_MULTIPLIER, type Target } from "./targets";
import { runViewer, type Identity } from "./viewer";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const STEPS = (process.env.BENCH_STEPS ?? "5,10,25,50,100,200,400,800").split(",").map(Number);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 5);
const STEP_S = Number(process.env.BENCH_STEP_S ?? 15);
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 10);
const PROGRESS_WRITES = Number(process.env.BENCH_PROGRESS_WRITES ?? 6);
const CONFIGS = (process.env.BENCH_CONFIGS ?? "ping,pglite,postgres,cluster").split(",");
const P99_LIMIT_MS = 200;

type Step = { viewers: number; requests: number; failed: number; latencies: number[]; byKind: Map<string, number[]>; serverCores: number };
type Series = { label: string; steps: Step[] };

const sustained = (series: Series) => series.steps.filter(passes).at(-1);
const passes = (step: Step) => step.failed === 0 && percentile(step.latencies, 99) < P99_LIMIT_MS;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runStep(target: Target, viewers: number, pingOnly: boolean, quiet = false): Promise<Step> {
  const identities: Identity[] = pingOnly
    ? Array.from({ length: viewers }, (_, i) => ({ token: "", profile: "", device: `ping-${i}` }))
    : await target.viewers(viewers);
  const agent = new http.Agent({ keepAlive: true });
  const step: Step = { viewers, requests: 0, failed: 0, latencies: [], byKind: new Map(), serverCores: 0 };
  const measureStart = performance.now() + WARMUP_S * 1000;
  const measureEnd = measureStart + STEP_S * 1000;
  let stopped = false;
  const recorder = {
    stopped: () => stopped,
    record: (kind: string, started: number, finished: number, ok: boolean) => {
      if (started < measureStart || finished > measureEnd) return;
      step.requests++;
      if (!ok) step.failed++;
      step.latencies.push(finished - started);
      if (!step.byKind.has(kind)) step.byKind.set(kind, []);
      step.byKind.get(kind)!.push(finished - started);
    },
  };
  const cpu = () => cpuSeconds((pid) => target.serverPids().includes(pid));
  const loops = identities.map((identity) =>
    runViewer({ base: target.base, agent, identity, catalog: target.catalog, recorder, timeScale: TIME_SCALE, progressWrites: PROGRESS_WRITES, pingOnly }),
  );
  await sleep(WARMUP_S * 1000);
  const cpuBefore = cpu();
  await sleep(measureEnd - performance.now());
  step.serverCores = (cpu() - cpuBefore) / STEP_S;
  stopped = true;
  await Promise.all(loops);
  agent.destroy();
  step.latencies.sort((a, b) => a - b);
  for (const list of step.byKind.values()) list.sort((a, b) => a - b);
  const p = (n: number) => percentile(step.latencies, n).toFixed(1);
  if (!quiet) console.log(`  ${viewers} viewers: ${(step.requests / STEP_S).toFixed(0)} req/s, p50 ${p(50)} ms, p99 ${p(99)} ms, ${step.failed} failed, server ${step.serverCores.toFixed(2)} cores`);
  return step;
}

async function runSeries(target: Target, label: string, pingOnly: boolean): Promise<Series> {
  console.log(`${label}: steps ${STEPS.join(", ")} until p99 ≥ ${P99_LIMIT_MS} ms or a failure…`);
  const series: Series = { label, steps: [] };
  // Unmeasured: every route's first request loads its code, which takes seconds on a busy machine.
  await runStep(target, 4, pingOnly, true);
  for (const viewers of STEPS) {
    const step = await runStep(target, viewers, pingOnly);
    series.steps.push(step);
    if (!passes(step)) break;
  }
  return series;
}

function report(all: Series[], loadBefore: number, loadAfter: number): string {
  const baseline = all.find((series) => series.label.startsWith("baseline"));
  const baselineN = baseline ? sustained(baseline)?.viewers : undefined;
  const ms = (step: Step | undefined, p: number) => (step ? percentile(step.latencies, p).toFixed(1) : "–");
  const summary = all.map((series) => {
    const best = sustained(series);
    const over = series.steps.find((step) => !passes(step));
    const ratio = best && baselineN ? `${(best.viewers / baselineN).toFixed(2)}×` : "–";
    const next = over ? `${over.viewers}: p99 ${ms(over, 99)} ms, ${over.failed} failed` : `none up to ${STEPS.at(-1)}`;
    return `| ${series.label} | **${best ? best.viewers : `< ${STEPS[0]}`}** | ${ratio} | ${best ? Math.round(best.requests / STEP_S) : "–"} | ${ms(best, 50)} | ${ms(best, 99)} | ${next} |`;
  });
  const kinds = ["browse", "search", "title", "stream start", "progress", "stop"];
  // At the sustained step, or (none sustained) the first step: which requests make the tail.
  const perKind = all
    .filter((series) => series !== baseline && series.steps.length > 0)
    .map((series) => {
      const step = sustained(series) ?? series.steps[0];
      return `| ${series.label} (${step.viewers}) | ${kinds.map((kind) => ms({ ...step, latencies: step.byKind.get(kind) ?? [] }, 99)).join(" | ")} |`;
    });
  const steps = all.flatMap((series) =>
    series.steps.map((step) => `| ${series.label} | ${step.viewers} | ${Math.round(step.requests / STEP_S)} | ${ms(step, 50)} | ${ms(step, 99)} | ${step.failed} | ${step.serverCores.toFixed(2)} |`),
  );
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return [
    `Command: \`BENCH_DATABASE_URL=${adminUrl} npm run bench:mixed\` (bench/mixed/run.ts; options in its header).`,
    "Each simulated viewer loops: home rows (`GET /api/browse/trending`, `/api/browse/new`, `/api/genres`), a search",
    "(`GET /api/search?q=…`), a title (`GET /api/movies/{id}`), a stream start (`GET /api/movies/{id}/stream`, then its",
    `master and first variant playlist, rendered by the app), ${PROGRESS_WRITES} progress writes (\`PUT /api/profiles/{name}/progress\`) 10 s`,
    `apart, and \`DELETE /api/streams/{id}\`. Think time between browse steps 1.5–4.5 s. **Time is compressed ${TIME_SCALE}×**: think times`,
    `and the progress interval are divided by ${TIME_SCALE}, so one simulated viewer sends what ${TIME_SCALE} real viewers would (segments are not`,
    "fetched: nginx or a CDN serves them). Every viewer is its own premium account profile and device, on one keep-alive",
    `connection. After an unmeasured round of 4 viewers (every route loaded), steps of ${STEPS.join(", ")} viewers, each ${WARMUP_S} s warm-up then ${STEP_S} s measured, until p99 ≥ ${P99_LIMIT_MS} ms or a request fails`,
    `(non-2xx/3xx or no answer). Production build, \`RATE_LIMIT_MULTIPLIER=${RATE_LIMIT_MULTIPLIER}\` (the limiter runs, never 429); the demo`,
    "catalog's titles plus two playable movies. Baseline, same run: the same viewers and schedule, every request replaced",
    "by `GET /api/ping` (a route handler that does nothing), against one process.",
    `Load generator, servers, nginx and PostgreSQL share one machine: ${os.cpus().length} cores (${cpu}), Node ${process.version}; load`,
    `average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end (other work on the machine would take CPU from`,
    "every configuration alike; compare within a run). \"Server cores\" below is the CPU the app process(es) used in the measured",
    "window: well under the machine's cores while p99 passes the limit means requests wait on something other than the app's CPU.",
    "",
    `| configuration | viewers sustained (p99 < ${P99_LIMIT_MS} ms) | vs baseline | req/s there | p50 ms | p99 ms | first step over (viewers) |`,
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...summary,
    "",
    "p99 by request kind at each configuration's sustained step, or its first step when none was (ms):",
    "",
    `| configuration (viewers) | ${kinds.join(" | ")} |`,
    `| --- | ${kinds.map(() => "---").join(" | ")} |`,
    ...perKind,
    "",
    "Every step (server cores: CPU of the app process(es) during the measured window):",
    "",
    "| configuration | viewers | req/s | p50 ms | p99 ms | failed | server cores |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...steps,
  ].join("\n");
}

async function main() {
  console.log("Checking the production build (next build when sources changed)…");
  const build = spawnSync("npx", ["tsx", "scripts/ensure-build.ts"], { cwd: projectRoot, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed");
  const loadBefore = os.loadavg()[0];
  const all: Series[] = [];
  if (CONFIGS.includes("ping") || CONFIGS.includes("pglite")) {
    const target = await startSingle("pglite", adminUrl);
    try {
      if (CONFIGS.includes("ping")) all.push(await runSeries(target, "baseline: GET /api/ping, one process", true));
      if (CONFIGS.includes("pglite")) all.push(await runSeries(target, target.label, false));
    } finally {
      await target.stop();
    }
  }
  for (const [config, start] of [["postgres", () => startSingle("postgres", adminUrl)], ["cluster", () => startTwoInstances(adminUrl)]] as const) {
    if (!CONFIGS.includes(config)) continue;
    const target = await start();
    try {
      all.push(await runSeries(target, target.label, false));
    } finally {
      await target.stop();
    }
  }
  const text = report(all, loadBefore, os.loadavg()[0]);
  console.log(`\n${text}\n`);
  updateBenchmarks("Mixed viewer workload", text);
}

await main();
