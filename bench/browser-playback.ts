// What the browser benches of playback share (bench/playback, bench/live): the demo catalog's readiness, a signed-in
// browser state, ending an account's streams, and a probe for the first frame a page presents.
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { ServerHandle } from "../test/server-process";
import { signInThroughSite } from "./sign-in";

export const PROFILE = "Bench";
export const PASSWORD = "correct horse battery";

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
export const ms = (value: number) => `${Math.round(value)}`;

export async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A demo movie, once every demo clip — the movies' and every show episode's — is transcoded, so the in-process
 * transcoder is idle while we measure.
 */
export async function playableMovie(base: string): Promise<{ id: string; title: string }> {
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

/** A new account on `plan` with the bench profile; returns its username and token. */
export async function benchAccount(base: string, plan: string) {
  const username = `bench_${Date.now().toString(36)}`;
  await json(`${base}/api/accounts/new`, { method: "POST", body: JSON.stringify({ username, password: PASSWORD, email: `${username}@example.com` }) });
  const { bearer_token: token } = await json(`${base}/api/accounts/token`, { method: "POST", body: JSON.stringify({ username, password: PASSWORD }) });
  const auth = { authorization: `Bearer ${token}` };
  await json(`${base}/api/accounts/subscription`, { method: "PUT", headers: auth, body: JSON.stringify({ subscription: plan }) });
  await json(`${base}/api/profiles/${PROFILE}/new`, { method: "POST", headers: auth });
  return { username, token: token as string };
}

/** Ends every live stream of the account, so no load is refused for leases a closed page left behind. */
export async function endStreams(base: string, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  const { items }: { items: { stream_id: string }[] } = await json(`${base}/api/streams`, { headers: auth });
  for (const stream of items) await fetch(`${base}/api/streams/${stream.stream_id}`, { method: "DELETE", headers: auth });
}

/** Signs a browser context in through the site's form and picks the profile; returns its storage state. */
export async function signedInState(browser: Browser, base: string, username: string) {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signInThroughSite(page, username, PASSWORD, PROFILE);
  const state = await context.storageState();
  await context.close();
  return state;
}
export type SignedInState = Awaited<ReturnType<typeof signedInState>>;

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

/** A fresh context (no HTTP cache) signed in with `state`, whose pages record their first frame (see firstFrame). */
export async function probedContext(browser: Browser, base: string, state: SignedInState): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, storageState: state });
  // As source text: tsx's compiled functions call helpers (__name) that do not exist in the page.
  await context.addInitScript({ content: `var __name = (fn) => fn; (${probe.toString()})();` });
  return context;
}

/** Navigates to `pathname` and waits for its first frame: ms from navigation start (a screenshot when none comes). */
export async function firstFrame(page: Page, pathname: string, label: string): Promise<number> {
  await page.goto(pathname, { waitUntil: "commit" });
  return page
    .waitForFunction(() => (window as any).__bench.firstFrame, undefined, { timeout: 30_000, polling: 10 })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(async (error) => {
      await page.screenshot({ path: `bench-${label}-failure.png` });
      throw new Error(`no frame within 30 s at ${page.url()} (screenshot: bench-${label}-failure.png): ${error.message}`);
    });
}

/** Closes the browser and stops the server (its output when it failed), removing its data unless BENCH_DATA_DIR keeps it. */
export async function tearDown(browser: Browser, server: ServerHandle, dataDir: string) {
  await browser.close();
  const code = await server.stop();
  if (code !== 0) console.error(server.output());
  if (!process.env.BENCH_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Runs a bench: its failure is printed and exits 1. */
export function runBench(main: () => Promise<void>) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
