// Playback start-up in headless Chromium against the real production server: time to first frame (navigation to
// /watch/movie/<id> → first video frame presented, over BENCH_LOADS fresh browser contexts, so no HTTP cache) and
// seek-to-play (a seek beyond the buffer → the first frame presented at the new position). Baseline, same run: the
// bare HTTP chain a player cannot avoid (stream API → master → variant → first segment) fetched by Node.
// Goals on localhost: first frame p50 < 800 ms, p95 < 1.5 s.
//   npm run bench:playback
// Options (environment): BENCH_LOADS (20); BENCH_DATA_DIR=<dir> keeps the server's data (and its transcoded demo
// video) between runs; CHROMIUM_PATH (/usr/bin/chromium).
import os from "node:os";
import { chromium, type Browser } from "@playwright/test";
import { startServer, tempDataDir } from "../../test/server-process";
import { benchAccount, endStreams, firstFrame, json, ms, percentile, playableMovie, probedContext, runBench, tearDown, PROFILE, signedInState, type SignedInState } from "../browser-playback";
import { updateBenchmarks } from "../update-benchmarks";

const LOADS = Number(process.env.BENCH_LOADS ?? 20);

type Sample = { firstFrame: number; seekToPlay: number };

async function measureOnce(browser: Browser, base: string, state: SignedInState, movieId: string): Promise<Sample> {
  const context = await probedContext(browser, base, state);
  const page = await context.newPage();
  const first = await firstFrame(page, `/watch/movie/${movieId}`, "playback");
  if (process.env.BENCH_TRACE) console.log(await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const rows = [`nav responseStart ${Math.round(nav.responseStart)} responseEnd ${Math.round(nav.responseEnd)} dcl ${Math.round(nav.domContentLoadedEventEnd)}`];
    for (const r of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) rows.push(`${Math.round(r.startTime)}→${Math.round(r.responseEnd)} ${r.initiatorType} ${r.name.replace(location.origin, "").slice(0, 90)}`);
    return rows.join("\n") + `\nfirstFrame ${Math.round((window as any).__bench.firstFrame)}`;
  }));
  // Seek at least 12 s ahead and past the buffered range where the video is long enough (else as far as it allows).
  const seekToPlay = await page.evaluate(async () => {
    const video = document.querySelector("video")!;
    const bench = (window as any).__bench;
    const buffered = video.buffered.length ? video.buffered.end(video.buffered.length - 1) : 0;
    const target = Math.min(video.duration - 2, Math.max(video.currentTime + 12, buffered + 1));
    bench.seekAt = performance.now();
    video.currentTime = target;
    const start = bench.seekAt;
    for (let i = 0; i < 3000 && bench.seekFrame === undefined; i++) await new Promise((r) => setTimeout(r, 5));
    return bench.seekFrame - start;
  });
  // Leave as a viewer does, ending the lease.
  await page.goto("about:blank");
  await context.close();
  return { firstFrame: first, seekToPlay };
}

/** The requests a player cannot avoid, back to back from Node: stream API, master, variant, first segment. */
async function bareChain(base: string, token: string, movieId: string): Promise<number> {
  const started = performance.now();
  const stream = await json(`${base}/api/movies/${movieId}/stream?profile=${PROFILE}`, { headers: { authorization: `Bearer ${token}`, "user-agent": "bench-baseline" } });
  const master = await (await fetch(base + stream.manifest_url)).text();
  const variant = master.split("\n").find((line) => line.startsWith("/media/"))!;
  const playlist = await (await fetch(base + variant)).text();
  const segment = playlist.split("\n").find((line) => line.startsWith("/media/"))!;
  await (await fetch(base + segment)).arrayBuffer();
  const elapsed = performance.now() - started;
  await fetch(`${base}/api/streams/${stream.stream_id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
  return elapsed;
}

async function main() {
  const dataDir = process.env.BENCH_DATA_DIR ?? tempDataDir("bench-playback");
  console.log(`Starting the server on ${dataDir} (the demo catalog's video is transcoded on a first start)…`);
  const server = await startServer({ DATA_DIR: dataDir, DEMO_CATALOG: "on", WORKER_IN_PROCESS: "true", RATE_LIMIT_MULTIPLIER: "100", DATABASE_URL: "" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
  });
  try {
    const base = server.url;
    const movie = await playableMovie(base);
    const { username, token } = await benchAccount(base, "premium");
    const state = await signedInState(browser, base, username);

    await measureOnce(browser, base, state, movie.id); // warm-up: compiles routes, fills the OS file cache
    await endStreams(base, token);
    const loadBefore = os.loadavg();
    const samples: Sample[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      baseline.push(await bareChain(base, token, movie.id));
      samples.push(await measureOnce(browser, base, state, movie.id));
      await endStreams(base, token);
      console.log(`load ${i + 1}/${LOADS}: first frame ${ms(samples[i].firstFrame)} ms, seek-to-play ${ms(samples[i].seekToPlay)} ms (bare chain ${ms(baseline[i])} ms)`);
    }
    const loadAfter = os.loadavg();
    const first = samples.map((s) => s.firstFrame);
    const seeks = samples.map((s) => s.seekToPlay).filter(Number.isFinite);
    const row = (name: string, values: number[]) => `| ${name} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${ms(Math.min(...values))} | ${ms(Math.max(...values))} |`;
    const p50 = percentile(first, 50);
    const p95 = percentile(first, 95);
    const verdict = p50 < 800 && p95 < 1500 ? "met" : "**not met**";
    const body = [
      `Command: \`npm run bench:playback\` (bench/playback/run.ts). Headless Chromium (${(await browser.version())}) against the production server on`,
      `PGlite, localhost; ${LOADS} loads of \`/watch/movie/<id>\` for a demo movie (30 s, 360p–1080p ladder, premium plan), each in a`,
      "fresh browser context (no HTTP cache), after one warm-up load. First frame: navigation start → first frame presented",
      "(requestVideoFrameCallback; where headless Chromium presents none, the first timeupdate after playback starts), so it includes the server render, the stream API's checks, hls.js loading and the first",
      "segments. Seek-to-play: right after the first frame, a seek ≥ 12 s ahead and past the buffer where the clip allows → first",
      "frame presented there. Baseline, same run:",
      "the bare request chain from Node (stream API → master → variant → first segment).",
      "",
      `Machine: ${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cores, Node ${process.version}; load average (1, 5 min) ${loadBefore[0].toFixed(2)}, ${loadBefore[1].toFixed(2)}`,
      `before the loads and ${loadAfter[0].toFixed(2)}, ${loadAfter[1].toFixed(2)} after (every demo clip was transcoded before measuring; each load's streams are ended after it).`,
      "",
      "| what | p50 ms | p95 ms | min ms | max ms |",
      "| --- | --- | --- | --- | --- |",
      row("time to first frame", first),
      row("seek to play", seeks),
      row("baseline: bare request chain", baseline),
      "",
      `Goal p50 < 800 ms and p95 < 1500 ms: ${verdict} (p50 ${ms(p50)} ms, p95 ${ms(p95)} ms).`,
    ].join("\n");
    updateBenchmarks("Playback", body);
    console.log(`\n${body}\n\nWritten to docs/BENCHMARKS.md`);
  } finally {
    await tearDown(browser, server, dataDir);
  }
}

runBench(main);
