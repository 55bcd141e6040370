// Playback start-up in headless Chromium against the real production server: time to first frame (navigation to
// /watch/movie/<id> → first video frame presented, over BENCH_LOADS fresh browser contexts, so no HTTP cache) and
// seek-to-play (a seek beyond the buffer → the first frame presented at the new position). Baseline, same run: the
// bare HTTP chain a player cannot avoid (stream API → master → variant → first segment) fetched by Node.
// Goals on localhost: first frame p50 < 800 ms, p95 < 1.5 s.
//   npm run bench:playback
// Options (environment): BENCH_LOADS (20); BENCH_DATA_DIR=<dir> keeps the server's data (and its transcoded demo
// video) between runs; CHROMIUM_PATH (/usr/bin/chromium).
import fs from "node:fs";
import os from "node:os";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { startServer, tempDataDir } from "../../test/server-process";
import { signInThroughSite } from "../sign-in";
import { updateBenchmarks } from "../update-benchmarks";

const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const PROFILE = "Bench";
const PASSWORD = "correct horse battery";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value: number) => `${Math.round(value)}`;

async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A demo movie, once every demo clip — the movies' and every show episode's — is transcoded, so the in-process
 * transcoder is idle while we measure.
 */
async function playableMovie(base: string): Promise<{ id: string; title: string }> {
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    const movies: { id: string; title: string; availability: string }[] = (await json(`${base}/api/movies?limit=100`)).items;
    const shows: { id: string }[] = (await json(`${base}/api/shows?limit=100`)).items;
    const episodes: { availability: string }[] = [];
    for (const show of shows) {
      const detail: { seasons: { episodes: { availability: string }[] }[] } = await json(`${base}/api/shows/${show.id}`);
      episodes.push(...detail.seasons.flatMap((season) => season.episodes));
    }
    const pending = [...movies, ...episodes].filter((item) => item.availability === "processing").length;
    const ready = movies.find((m) => m.availability === "ready");
    if (ready && pending === 0) return ready;
    if (Date.now() > deadline) throw new Error("the demo catalog was not transcoded within 20 minutes");
    console.log(`Waiting for the demo video: ${pending} of ${movies.length + episodes.length} clips still transcoding…`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

/** Ends every live stream of the account, so no load is refused for leases a closed page left behind. */
async function endStreams(base: string, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  const { items }: { items: { stream_id: string }[] } = await json(`${base}/api/streams`, { headers: auth });
  for (const stream of items) await fetch(`${base}/api/streams/${stream.stream_id}`, { method: "DELETE", headers: auth });
}

/** Signs a browser context in through the site's form and picks the profile; returns its storage state. */
async function signedInState(browser: Browser, base: string, username: string) {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signInThroughSite(page, username, PASSWORD, PROFILE);
  const state = await context.storageState();
  await context.close();
  return state;
}

// Runs in the page before any of its scripts: records when the first frame, and the first frame after a seek, are
// presented (requestVideoFrameCallback), in ms since navigation start.
const probe = () => {
  const w = window as unknown as { __bench: { firstFrame?: number; seekFrame?: number; seekAt?: number } };
  w.__bench = {};
  const watch = (video: HTMLVideoElement) => {
    const onFrame = (now: number, meta: { mediaTime: number }) => {
      if (w.__bench.firstFrame === undefined) w.__bench.firstFrame = now;
      if (w.__bench.seekAt !== undefined && w.__bench.seekFrame === undefined && now > w.__bench.seekAt && Math.abs(meta.mediaTime - video.currentTime) < 1 && !video.seeking) {
        w.__bench.seekFrame = now;
      }
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    // Headless Chromium may present no frames to requestVideoFrameCallback: then playback actually advancing (the
    // first timeupdate past where it started, or past the seek) stands for the frame.
    let startedAt: number | undefined;
    video.addEventListener("playing", () => (startedAt ??= video.currentTime));
    video.addEventListener("timeupdate", () => {
      const now = performance.now();
      if (w.__bench.firstFrame === undefined && startedAt !== undefined && video.currentTime > startedAt) w.__bench.firstFrame = now;
      if (w.__bench.seekAt !== undefined && w.__bench.seekFrame === undefined && !video.seeking && !video.paused && now > w.__bench.seekAt && (w as any).__seekedAt !== undefined && video.currentTime > (w as any).__seekedAt) w.__bench.seekFrame = now;
    });
    video.addEventListener("seeked", () => ((w as any).__seekedAt ??= w.__bench.seekAt !== undefined ? video.currentTime : undefined));
  };
  new MutationObserver((_, observer) => {
    const video = document.querySelector("video");
    if (video) {
      observer.disconnect();
      watch(video);
    }
  }).observe(document, { childList: true, subtree: true });
};

type Sample = { firstFrame: number; seekToPlay: number };

async function measureOnce(browser: Browser, base: string, state: Awaited<ReturnType<typeof signedInState>>, movieId: string): Promise<Sample> {
  const context: BrowserContext = await browser.newContext({ baseURL: base, storageState: state });
  // As source text: tsx's compiled functions call helpers (__name) that do not exist in the page.
  await context.addInitScript({ content: `var __name = (fn) => fn; (${probe.toString()})();` });
  const page = await context.newPage();
  await page.goto(`/watch/movie/${movieId}`, { waitUntil: "commit" });
  const firstFrame = await page
    .waitForFunction(() => (window as any).__bench.firstFrame, undefined, { timeout: 30_000, polling: 10 })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(async (error) => {
      await page.screenshot({ path: "bench-playback-failure.png" });
      throw new Error(`no frame within 30 s at ${page.url()} (screenshot: bench-playback-failure.png): ${error.message}`);
    });
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
  return { firstFrame, seekToPlay };
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
    const username = `bench_${Date.now().toString(36)}`;
    await json(`${base}/api/accounts/new`, { method: "POST", body: JSON.stringify({ username, password: PASSWORD, email: `${username}@example.com` }) });
    const { bearer_token: token } = await json(`${base}/api/accounts/token`, { method: "POST", body: JSON.stringify({ username, password: PASSWORD }) });
    const auth = { authorization: `Bearer ${token}` };
    await json(`${base}/api/accounts/subscription`, { method: "PUT", headers: auth, body: JSON.stringify({ subscription: "premium" }) });
    await json(`${base}/api/profiles/${PROFILE}/new`, { method: "POST", headers: auth });
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
    await browser.close();
    const code = await server.stop();
    if (code !== 0) console.error(server.output());
    if (!process.env.BENCH_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
