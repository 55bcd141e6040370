// Live TV in headless Chromium against the real production server (PGlite, the demo catalog and its two linear
// channels, the in-process worker running the ingests):
//   1. Latency behind live of an ingest channel: ffmpeg pushes a generated test pattern over RTMP (`-re`, real time)
//      with a frame counter burnt into the picture; the channel's player page plays it and, for BENCH_SECONDS, is
//      sampled twice a second for hls.js's `latency` (behind the playlist's live edge), the wall clock minus the
//      `#EXT-X-PROGRAM-DATE-TIME` of the frame on screen (hls.js's `playingDate`), and the wall clock minus the moment
//      the frame on screen was pushed (read from the burnt-in counter: glass to glass, the whole pipeline).
//      Goal p50 < 8 s.
//   2. Time to first frame of a linear channel against a demo movie's (the VOD baseline), alternated in the same run,
//      BENCH_LOADS each, each in a fresh browser context. Goal: the channel's p50 ≤ 1.2 × the movie's.
//   npm run bench:live
// Options (environment): BENCH_SECONDS (60), BENCH_LOADS (15), BENCH_INGEST_SIZE (1280x720);
// BENCH_DATA_DIR=<dir> keeps the server's data (and its transcoded demo video) between runs; CHROMIUM_PATH.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { ffmpegPath } from "../../lib/media/ffmpeg";
import { freePort, startServer, tempDataDir } from "../../test/server-process";
import { benchAccount, endStreams, firstFrame, json, ms, percentile, playableMovie, probedContext, runBench, tearDown, signedInState, type SignedInState } from "../browser-playback";
import { updateBenchmarks } from "../update-benchmarks";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const [WIDTH, HEIGHT] = (process.env.BENCH_INGEST_SIZE ?? "1280x720").split("x").map(Number);
const FPS = 30;
// The frame counter: BITS black or white blocks across the top of the picture, least significant bit on the left.
const BITS = 16;
const BAR_HEIGHT = Math.round(HEIGHT / 9);
const INGEST_NAME = "Bench Live";

const sleep = (duration: number) => new Promise((resolve) => setTimeout(resolve, duration));
const seconds = (value: number) => (value / 1000).toFixed(2);

type Admin = { token: string };
/** `pushed`: [wall clock ms, seconds of video pushed by then], from ffmpeg's progress reports. */
type Pusher = { child: ChildProcess; startedAt: number; pushed: [number, number][] };

/**
 * The first account is the admin. With BENCH_DATA_DIR the data outlives a run: the admin's credentials are kept beside
 * it, and the ingest channel of an earlier run is deleted.
 */
async function adminOf(base: string, dataDir: string): Promise<Admin> {
  const saved = path.join(dataDir, "bench-live-admin.json");
  const account = fs.existsSync(saved) ? JSON.parse(fs.readFileSync(saved, "utf8")) : await benchAccount(base, "premium");
  fs.writeFileSync(saved, JSON.stringify(account));
  const { bearer_token: token } = await json(`${base}/api/accounts/token`, { method: "POST", body: JSON.stringify({ username: account.username, password: "correct horse battery" }) });
  const auth = { authorization: `Bearer ${token}` };
  const { items }: { items: { id: string; name: string }[] } = await json(`${base}/api/admin/channels`, { headers: auth });
  for (const old of items.filter((c) => c.name === INGEST_NAME)) await fetch(`${base}/api/admin/channels/${old.id}`, { method: "DELETE", headers: auth });
  return { token };
}

/**
 * ffmpeg pushing a test pattern in real time, its frame number burnt in as a row of black and white blocks (drawn at
 * one pixel a bit and scaled up: cheap), reporting how much it has pushed (`-progress`), so a pusher that falls behind
 * real time on a busy machine is seen, not mistaken for latency of the channel.
 */
function push(rtmpUrl: string): Pusher {
  const bar = `color=c=black:s=${BITS}x1:r=${FPS},format=gray,geq=lum='255*mod(floor(N/pow(2\\,X))\\,2)',scale=${WIDTH}:${BAR_HEIGHT}:flags=neighbor,format=yuv420p[bar]`;
  const child = spawn(ffmpegPath(), [
    "-hide_banner", "-nostdin", "-v", "error", "-progress", "pipe:1", "-re", "-f", "lavfi", "-i", `testsrc2=size=${WIDTH}x${HEIGHT}:rate=${FPS}`, "-re", "-f", "lavfi", "-i", "sine",
    "-filter_complex", `${bar};[0:v][bar]overlay=0:0[v]`, "-map", "[v]", "-map", "1:a",
    "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", String(FPS * 2), "-c:a", "aac", "-f", "flv", rtmpUrl,
  ], { stdio: ["ignore", "pipe", "pipe"] });
  const pusher: Pusher = { child, startedAt: Date.now(), pushed: [] };
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    for (const [, us] of chunk.matchAll(/out_time_us=(\d+)/g)) pusher.pushed.push([Date.now(), Number(us) / 1e6]);
  });
  child.stderr!.on("data", (chunk) => process.env.BENCH_TRACE && process.stderr.write(chunk));
  return pusher;
}

/** Pushes until the channel is on air (the worker may not listen yet when the first push starts: then push again). */
async function pushUntilOnAir(base: string, admin: Admin, channelId: string, rtmpUrl: string): Promise<{ pusher: Pusher; onAirAfter: number }> {
  const auth = { authorization: `Bearer ${admin.token}` };
  const deadline = Date.now() + 60_000;
  let pusher = push(rtmpUrl);
  for (;;) {
    await sleep(250);
    const { items }: { items: { id: string; ingest: { status: { state: string } } }[] } = await json(`${base}/api/admin/channels`, { headers: auth });
    if (items.find((c) => c.id === channelId)?.ingest.status.state === "on_air") return { pusher, onAirAfter: Date.now() - pusher.startedAt };
    if (Date.now() > deadline) throw new Error("the ingest channel did not go on air within 60 s of the push");
    if (pusher.child.exitCode !== null) pusher = push(rtmpUrl);
  }
}

/** `playing`: the video advancing (not paused, enough data); the latencies count only then. */
type LatencySample = { playing: boolean; hls: number | null; programDateTime: number | null; glass: number | null };

/**
 * One sample of the page: hls.js's latency (the player's diagnostics, components/player/use-hls.ts), the wall clock
 * minus the program date-time on screen, and the frame counter read from the picture (null when it cannot be read).
 */
function sampleInPage(args: { bits: number; barMiddle: number }) {
  const video = document.querySelector("video")!;
  const player = (window as unknown as { normflixPlayer?: { latency(): number | null; playingDate(): number | null } }).normflixPlayer;
  const now = Date.now();
  const buffered = video.buffered.length ? video.buffered.end(video.buffered.length - 1) : 0;
  const playing = !video.paused && video.readyState >= 3;
  const state = `at ${video.currentTime.toFixed(2)}, buffered to ${buffered.toFixed(2)}, ${video.paused ? "paused" : "playing"}, readyState ${video.readyState}${video.error ? `, error ${video.error.code}` : ""}`;
  const latency = player?.latency() ?? null;
  const playingDate = player?.playingDate() ?? null;
  let frame: number | null = null;
  if (video.videoWidth) {
    const canvas = document.createElement("canvas");
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    context.drawImage(video, 0, 0);
    const row = context.getImageData(0, Math.round(args.barMiddle * canvas.height), canvas.width, 1).data;
    frame = 0;
    for (let bit = 0; bit < args.bits; bit++) {
      const x = Math.floor(((bit + 0.5) * canvas.width) / args.bits);
      const luma = row[x * 4];
      // Between black and white: not a clean frame (or not our pattern): no reading.
      if (luma > 64 && luma < 192) return { now, latency, playingDate, frame: null, state, playing };
      if (luma >= 192) frame += 2 ** bit;
    }
  }
  return { now, latency, playingDate, frame, state, playing };
}

/**
 * When the pusher sent the frame at `media` seconds (the counter wraps every 2^BITS frames, 36 min: the latest such
 * frame): interpolated between its progress reports, so a pusher slower than real time does not count as latency.
 */
function pushedAt(pusher: Pusher, media: number, now: number): number {
  const period = 2 ** BITS / FPS;
  const latest = pusher.pushed.at(-1)?.[1] ?? (now - pusher.startedAt) / 1000;
  const t = media + Math.max(0, Math.floor((latest - media) / period)) * period;
  const after = pusher.pushed.findIndex(([, pushed]) => pushed >= t);
  const last = pusher.pushed.at(-1);
  if (after === -1 && last) return last[0] + (t - last[1]) * 1000; // after the latest report: real time from there
  if (after <= 0) return pusher.startedAt + t * 1000; // before the first report (or none yet): real time from the start
  const [[wall0, media0], [wall1, media1]] = [pusher.pushed[after - 1], pusher.pushed[after]];
  return wall0 + ((t - media0) / (media1 - media0 || 1)) * (wall1 - wall0);
}

async function measureLatency(page: Page, pusher: Pusher, pageStart: number): Promise<LatencySample[]> {
  const samples: LatencySample[] = [];
  const until = Date.now() + SECONDS * 1000;
  while (Date.now() < until) {
    const read = await page.evaluate(sampleInPage, { bits: BITS, barMiddle: BAR_HEIGHT / 2 / HEIGHT });
    const glass = read.frame === null ? null : read.now - pushedAt(pusher, read.frame / FPS, read.now);
    samples.push({ playing: read.playing, hls: read.latency === null ? null : read.latency * 1000, programDateTime: read.playingDate === null ? null : read.now - read.playingDate, glass });
    if (process.env.BENCH_TRACE) console.log(`t+${seconds(read.now - pageStart)} s: hls ${read.latency?.toFixed(2)} s, pdt ${samples.at(-1)!.programDateTime} ms, glass ${glass} ms (frame ${read.frame}; ${read.state})`);
    await sleep(500);
  }
  return samples;
}

/** The first frame of `pathname` in a fresh context; the page is left (ending its lease) and the context closed. */
async function loadOnce(browser: Browser, base: string, state: SignedInState, pathname: string, label: string): Promise<number> {
  const context = await probedContext(browser, base, state);
  const page = await context.newPage();
  const first = await firstFrame(page, pathname, label);
  await page.goto("about:blank");
  await context.close();
  return first;
}

/** What the variant playlist of a stream says about its window: target duration and segments listed. */
async function playlistShape(base: string, manifestUrl: string) {
  const master = await (await fetch(base + manifestUrl)).text();
  const variant = master.split("\n").find((line) => line.startsWith("/media/"))!;
  const playlist = await (await fetch(base + variant)).text();
  return { target: Number(/#EXT-X-TARGETDURATION:(\d+)/.exec(playlist)?.[1]), segments: playlist.split("\n").filter((line) => line.startsWith("#EXTINF")).length };
}

async function main() {
  const dataDir = process.env.BENCH_DATA_DIR ?? tempDataDir("bench-live");
  const rtmpPort = await freePort();
  console.log(`Starting the server on ${dataDir} (the demo catalog's video is transcoded on a first start)…`);
  const server = await startServer(
    { DATA_DIR: dataDir, DEMO_CATALOG: "on", WORKER_IN_PROCESS: "true", RATE_LIMIT_MULTIPLIER: "100", DATABASE_URL: "", LIVE_RTMP_PORTS: `${rtmpPort}-${rtmpPort}` },
    { startTimeoutMs: 240_000 },
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
  });
  let pusher: Pusher | undefined;
  try {
    const base = server.url;
    const movie = await playableMovie(base);
    const admin = await adminOf(base, dataDir);
    const { items: channels }: { items: { id: string; name: string; kind: string }[] } = await json(`${base}/api/channels`);
    const linear = channels.find((c) => c.kind === "linear");
    if (!linear) throw new Error("the demo catalog has no linear channel");
    const viewer = await benchAccount(base, "premium");
    const auth = { authorization: `Bearer ${viewer.token}` };
    const state = await signedInState(browser, base, viewer.username);

    // 1. Latency behind live of an ingest channel.
    const ingest = await json(`${base}/api/admin/channels`, { method: "POST", headers: { authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ number: 90, name: INGEST_NAME, kind: "live", rtmp_port: rtmpPort }) });
    console.log(`Pushing ${WIDTH}x${HEIGHT} at ${FPS} fps to ${ingest.ingest.rtmp_url}…`);
    const started = await pushUntilOnAir(base, admin, ingest.id, ingest.ingest.rtmp_url);
    pusher = started.pusher;
    console.log(`On air ${seconds(started.onAirAfter)} s after the push started.`);
    const loadBeforeLatency = os.loadavg();
    const context = await probedContext(browser, base, state);
    const page = await context.newPage();
    // The media element emptied after playing started: the player (hls.js) re-attached it, after a fatal media error.
    await page.addInitScript({
      content: "(() => { let started = false; window.__benchResets = 0; document.addEventListener('playing', () => (started = true), true); document.addEventListener('emptied', () => started && window.__benchResets++, true); })();",
    });
    if (process.env.BENCH_TRACE) {
      await page.addInitScript({
        content: `(() => {
          const log = (what) => console.log(Math.round(performance.now()) + " " + what);
          const stack = () => new Error().stack.split("\\n").slice(2, 9).map((l) => l.trim().replace(/https?:[^ ]*\\//, "")).join(" < ");
          const pause = HTMLMediaElement.prototype.pause;
          HTMLMediaElement.prototype.pause = function () { log("pause() " + stack()); return pause.call(this); };
          const src = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "src");
          Object.defineProperty(HTMLMediaElement.prototype, "src", { ...src, set(value) { log("src= " + String(value).slice(0, 40) + " " + stack()); src.set.call(this, value); } });
          for (const type of ["emptied", "error", "waiting", "pause", "playing"]) document.addEventListener(type, (event) => log(type + " at " + event.target.currentTime), true);
        })();`,
      });
      page.on("console", (message) => console.log(`page: ${message.text()}`));
      page.on("response", (response) => response.status() >= 400 && console.log(`page: ${response.status()} ${response.url().slice(0, 120)}`));
    }
    const pageStart = Date.now();
    const ingestFirstFrame = await firstFrame(page, `/watch/channel/${ingest.id}`, "live-ingest");
    console.log(`Ingest channel: first frame after ${ms(ingestFirstFrame)} ms; sampling for ${SECONDS} s…`);
    const reportsBefore = pusher.pushed.length;
    const samples = await measureLatency(page, pusher, pageStart);
    const resets: number = await page.evaluate(() => (window as unknown as { __benchResets: number }).__benchResets);
    if (process.env.BENCH_TRACE) await page.screenshot({ path: "bench-live-ingest.png" });
    const [from, to] = [pusher.pushed[Math.max(0, reportsBefore - 1)], pusher.pushed.at(-1)!];
    const pusherSpeed = (to[1] - from[1]) / ((to[0] - from[0]) / 1000);
    const ingestStream = await json(`${base}/api/channels/${ingest.id}/stream?profile=Bench`, { headers: auth });
    const ingestShape = await playlistShape(base, ingestStream.manifest_url);
    await page.goto("about:blank");
    await context.close();
    pusher.child.kill("SIGINT");
    pusher = undefined;
    await endStreams(base, viewer.token);
    const loadAfterLatency = os.loadavg();

    // 2. First frame: a linear channel against a VOD title, alternated.
    const linearPath = `/watch/channel/${linear.id}`;
    const moviePath = `/watch/movie/${movie.id}`;
    const linearStream = await json(`${base}/api/channels/${linear.id}/stream?profile=Bench`, { headers: auth });
    const linearShape = await playlistShape(base, linearStream.manifest_url);
    await endStreams(base, viewer.token);
    // Warm-up: compiles routes, fills the OS file cache.
    await loadOnce(browser, base, state, linearPath, "live-linear");
    await loadOnce(browser, base, state, moviePath, "live-movie");
    await endStreams(base, viewer.token);
    const loadBeforeLoads = os.loadavg();
    const channelLoads: number[] = [];
    const movieLoads: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const order = i % 2 === 0 ? (["channel", "movie"] as const) : (["movie", "channel"] as const);
      for (const which of order) {
        if (which === "channel") channelLoads.push(await loadOnce(browser, base, state, linearPath, "live-linear"));
        else movieLoads.push(await loadOnce(browser, base, state, moviePath, "live-movie"));
        await endStreams(base, viewer.token);
      }
      console.log(`load ${i + 1}/${LOADS}: linear channel ${ms(channelLoads[i])} ms, movie ${ms(movieLoads[i])} ms`);
    }
    const loadAfterLoads = os.loadavg();

    // The report.
    const playing = samples.filter((s) => s.playing);
    const values = (pick: (s: LatencySample) => number | null) => playing.map(pick).filter((v): v is number => v !== null);
    const hls = values((s) => s.hls);
    const pdt = values((s) => s.programDateTime);
    const glass = values((s) => s.glass);
    const latencyRow = (name: string, list: number[]) =>
      list.length ? `| ${name} | ${list.length} of ${samples.length} | ${seconds(percentile(list, 50))} | ${seconds(percentile(list, 95))} | ${seconds(Math.min(...list))} | ${seconds(Math.max(...list))} |` : `| ${name} | 0 of ${samples.length} | – | – | – | – |`;
    const loadRow = (name: string, list: number[]) => `| ${name} | ${ms(percentile(list, 50))} | ${ms(percentile(list, 95))} | ${ms(Math.min(...list))} | ${ms(Math.max(...list))} |`;
    const keptPlaying = playing.length >= 0.9 * samples.length;
    const latencyMet = keptPlaying && [hls, pdt].every((list) => list.length > 0 && percentile(list, 50) < 8000);
    const ratio = percentile(channelLoads, 50) / percentile(movieLoads, 50);
    const drift = (list: number[]) => (list.length ? seconds(percentile(list, 50)) : "–");
    const load = (l: number[]) => `${l[0].toFixed(2)}, ${l[1].toFixed(2)}, ${l[2].toFixed(2)}`;
    const body = [
      `Command: \`npm run bench:live\` (bench/live/run.ts). Headless Chromium (${await browser.version()}) against the production server on`,
      "PGlite, localhost, with the demo catalog (its two linear channels) and the in-process worker, which also runs the ingests;",
      "a premium viewer in a 1280×720 page.",
      "",
      `Latency behind live: ffmpeg pushes a test pattern (${WIDTH}×${HEIGHT}, ${FPS} fps, x264 ultrafast, keyframe every 2 s, and a tone) over`,
      "RTMP in real time (`-re`) to a live channel, with the frame number burnt into the picture as a row of black and white",
      `blocks. The ingest's ladder (LIVE_ENCODER_PRESET default, ${ingestShape.target} s target duration) went on air ${seconds(started.onAirAfter)} s after the push started;`,
      `the channel's player page then showed its first frame after ${ms(ingestFirstFrame)} ms and was sampled every 0.5 s for ${SECONDS} s from there:`,
      "hls.js's `latency` (how far behind the live edge of the playlist it plays, through the player's `window.normflixPlayer`",
      "diagnostics), the wall clock minus the `#EXT-X-PROGRAM-DATE-TIME` of the frame on screen (hls.js's `playingDate`), and",
      "glass to glass: the wall clock minus the moment the frame on screen was pushed (its burnt-in number ÷ 30 fps, and the",
      "moment the pusher's progress reports say it had sent that frame, interpolated between reports every 0.5 s). The pusher",
      `sent ${pusherSpeed.toFixed(2)} s of video per second while sampled (1.00: real time).`,
      "",
      `The video was playing (not paused, enough data) in ${playing.length} of ${samples.length} samples; the latencies below are from those`,
      `samples only. The player re-attached the video (hls.js after a fatal media error) ${resets} time${resets === 1 ? "" : "s"} after it had started.`,
      "",
      "| what | samples playing | p50 s | p95 s | min s | max s |",
      "| --- | --- | --- | --- | --- | --- |",
      latencyRow("hls.js latency", hls),
      latencyRow("wall clock − program date-time", pdt),
      latencyRow("glass to glass (burnt-in frame number)", glass),
      "",
      `Goal p50 < 8 s (hls.js latency and wall clock − program date-time), playing through: ${latencyMet ? "met" : "**not met**"}${keptPlaying ? "" : " (the video stopped)"} (hls.js ${hls.length ? seconds(percentile(hls, 50)) : "–"} s, program date-time ${pdt.length ? seconds(percentile(pdt, 50)) : "–"} s;`,
      `glass to glass ${glass.length ? seconds(percentile(glass, 50)) : "–"} s). Wall clock − program date-time over the first 5 s sampled: ${drift(pdt.slice(0, 10))} s, over the last 5 s: ${drift(pdt.slice(-10))} s`,
      "(growing when the ingest's ladder encodes slower than real time).",
      "",
      `Time to first frame: ${LOADS} loads each of \`/watch/channel/<id>\` for the demo linear channel "${linear.name}" (its playlist:`,
      `${linearShape.segments} segments of ${linearShape.target} s target duration) and of \`/watch/movie/<id>\` for the demo movie "${movie.title}" (the VOD baseline),`,
      "alternated (channel first on even loads, movie first on odd), each in a fresh browser context (no HTTP cache), after one",
      "warm-up load of each; navigation start → first frame presented (requestVideoFrameCallback, or the first timeupdate after",
      "playback starts where headless Chromium presents none), as in bench:playback; every stream is ended after its load.",
      "",
      "| what | p50 ms | p95 ms | min ms | max ms |",
      "| --- | --- | --- | --- | --- |",
      loadRow("linear channel", channelLoads),
      loadRow("baseline: VOD movie", movieLoads),
      "",
      `Goal linear channel ≤ 1.2 × the movie (p50): ${ratio <= 1.2 ? "met" : "**not met**"} (${ratio.toFixed(2)}×).`,
      "",
      `Machine: ${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cores, Node ${process.version}. Load average (1, 5, 15 min): ${load(loadBeforeLatency)}`,
      `before the latency run, ${load(loadAfterLatency)} after it; ${load(loadBeforeLoads)} before the first-frame loads and ${load(loadAfterLoads)} after.`,
    ].join("\n");
    updateBenchmarks("Live TV", body);
    console.log(`\n${body}\n\nWritten to docs/BENCHMARKS.md`);
  } finally {
    pusher?.child.kill("SIGKILL");
    await tearDown(browser, server, dataDir);
  }
}

runBench(main);
