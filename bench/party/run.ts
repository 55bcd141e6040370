// Watch-party sync and fan-out against the real production server, two instances on one PostgreSQL.
//
// 1. Sync: two members (two accounts) in headless Chromium, both on instance A, in one party on a demo movie. Over
//    60 s the host (through the API) plays, pauses, seeks while paused and seeks while playing. Every 100 ms both
//    players' positions are read together with the machine clock (the server's clock: one machine), and the
//    difference is taken at one instant (a playing video moves 1 s per s between the two reads). Samples in the 2 s
//    after each control are the settling; the goal applies to the rest: p95 < 100 ms.
// 2. Fan-out: 200 event streams of one party (its 50 members, 4 connections each, half on A, half on B); the host posts
//    BENCH_FANOUT_EVENTS seeks through A, and each stream's delivery time is measured from just before the POST
//    (one machine, one clock). Goal p99 < 250 ms.
//   npm run bench:party   (needs PostgreSQL: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
import fs from "node:fs";
import os from "node:os";
import { chromium, type Browser, type Page } from "@playwright/test";
import { createTestDatabase, startServer, tempDataDir, type ServerHandle } from "../../test/server-process";
import { readSse } from "../../lib/realtime/test-sse";
import { signInThroughSite } from "../sign-in";
import { updateBenchmarks } from "../update-benchmarks";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const FANOUT_MEMBERS = 50;
const CONNECTIONS_PER_MEMBER = 4;
const FANOUT_EVENTS = Number(process.env.BENCH_FANOUT_EVENTS ?? 30);
const PASSWORD = "correct horse battery";
const PROFILE = "Bench";
const SETTLE_MS = 2_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${Math.round(value)}`;
const sleep = (duration: number) => new Promise((resolve) => setTimeout(resolve, duration));

async function json(url: string, init: RequestInit & { token?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...(init.headers as Record<string, string>) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(url, { ...init, headers });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${response.status} ${await response.text()}`);
  return response.json();
}

let accountCount = 0;
/** An account on the standard plan with the bench profile; returns username and token. */
async function account(base: string) {
  const username = `bench_${Date.now().toString(36)}_${++accountCount}`;
  await json(`${base}/api/accounts/new`, { method: "POST", body: JSON.stringify({ username, password: PASSWORD, email: `${username}@example.com` }) });
  const { bearer_token: token } = await json(`${base}/api/accounts/token`, { method: "POST", body: JSON.stringify({ username, password: PASSWORD }) });
  await json(`${base}/api/accounts/subscription`, { method: "PUT", token, body: JSON.stringify({ subscription: "standard" }) });
  await json(`${base}/api/profiles/${PROFILE}/new`, { method: "POST", token });
  return { username, token };
}

async function playableMovie(base: string): Promise<{ id: string; title: string }> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const { items } = await json(`${base}/api/movies?limit=100`);
    const ready = items.find((m: { availability: string }) => m.availability === "ready");
    if (ready && !items.some((m: { availability: string }) => m.availability === "processing")) return ready;
    if (Date.now() > deadline) throw new Error("the demo catalog was not transcoded within 30 minutes");
    await sleep(3000);
  }
}

async function signedInPage(browser: Browser, base: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signInThroughSite(page, username, PASSWORD, PROFILE);
  return page;
}

const readPlayer = (page: Page) =>
  page.evaluate(() => {
    const video = document.querySelector("video")!;
    return { at: performance.timeOrigin + performance.now(), position: video.currentTime, paused: video.paused };
  });

async function measureSync(browser: Browser, base: string, movieId: string) {
  const host = await account(base);
  const guest = await account(base);
  const party = await json(`${base}/api/parties`, { method: "POST", token: host.token, body: JSON.stringify({ profile: PROFILE, type: "movie", id: movieId }) });
  const pages = [await signedInPage(browser, base, host.username), await signedInPage(browser, base, guest.username)];
  for (const page of pages) {
    await page.goto(`/party/${party.code}`);
    await page.waitForFunction(() => (document.querySelector("video")?.readyState ?? 0) >= 2, undefined, { timeout: 60_000 });
  }
  const control = (action: string, position?: number) =>
    json(`${base}/api/parties/${party.id}/control`, { method: "POST", token: host.token, body: JSON.stringify({ action, position }) });
  // 60 s on a 30 s clip: play 0→12, pause, seek to 3 while paused, play, seek to 2 while playing, pause, play.
  const schedule: [number, () => Promise<unknown>][] = [
    [0, () => control("play", 0)],
    [12_000, () => control("pause")],
    [17_000, () => control("seek", 3)],
    [20_000, () => control("play")],
    [32_000, () => control("seek", 2)],
    [44_000, () => control("pause")],
    [48_000, () => control("play")],
  ];
  const controlsAt: number[] = [];
  const samples: { at: number; diffMs: number }[] = [];
  const started = Date.now();
  let next = 0;
  while (Date.now() - started < 60_000) {
    if (next < schedule.length && Date.now() - started >= schedule[next][0]) {
      controlsAt.push(Date.now());
      await schedule[next++][1]();
    }
    const [a, b] = await Promise.all(pages.map(readPlayer));
    // Where b would be at a's instant (a playing video moves on between the two reads).
    const bAtA = b.position + (b.paused ? 0 : (a.at - b.at) / 1000);
    samples.push({ at: a.at, diffMs: Math.abs(a.position - bAtA) * 1000 });
    await sleep(100);
  }
  for (const page of pages) await page.context().close();
  const settled = samples.filter((s) => !controlsAt.some((at) => s.at >= at && s.at < at + SETTLE_MS)).map((s) => s.diffMs);
  return { all: samples.map((s) => s.diffMs), settled };
}

async function measureFanout(servers: ServerHandle[], movieId: string) {
  const [a, b] = servers.map((server) => server.url);
  const members = [];
  for (let n = 0; n < FANOUT_MEMBERS; n++) members.push(await account(n % 2 ? b : a));
  const host = members[0];
  const party = await json(`${a}/api/parties`, { method: "POST", token: host.token, body: JSON.stringify({ profile: PROFILE, type: "movie", id: movieId, max_members: FANOUT_MEMBERS }) });
  for (const member of members.slice(1)) await json(`${b}/api/parties/${party.code}/join`, { method: "POST", token: member.token, body: JSON.stringify({ profile: PROFILE }) });
  const latencies: number[] = [];
  const sent = new Map<number, number>();
  const aborts: AbortController[] = [];
  const readers: Promise<void>[] = [];
  let open = 0;
  for (const [index, member] of members.entries()) {
    for (let c = 0; c < CONNECTIONS_PER_MEMBER; c++) {
      const base = (index * CONNECTIONS_PER_MEMBER + c) % 2 ? b : a;
      const abort = new AbortController();
      aborts.push(abort);
      const response = await fetch(`${base}/api/parties/${party.id}/events`, { headers: { authorization: `Bearer ${member.token}` }, signal: abort.signal });
      if (response.status !== 200) throw new Error(`event stream refused: ${response.status}`);
      open++;
      const sse = readSse(response);
      readers.push(
        (async () => {
          for (;;) {
            const block = await sse.next();
            if (!block) return;
            if (block.event === "state" && sent.has(block.data.position)) latencies.push(Date.now() - sent.get(block.data.position)!);
          }
        })().catch(() => undefined),
      );
    }
  }
  await sleep(1_000);
  for (let n = 1; n <= FANOUT_EVENTS; n++) {
    const position = 1 + n / 100;
    sent.set(position, Date.now());
    await json(`${a}/api/parties/${party.id}/control`, { method: "POST", token: host.token, body: JSON.stringify({ action: "seek", position }) });
    await sleep(300);
  }
  await sleep(2_000);
  aborts.forEach((abort) => abort.abort());
  await Promise.all(readers);
  return { streams: open, expected: open * FANOUT_EVENTS, latencies };
}

async function main() {
  const database = await createTestDatabase(ADMIN_URL);
  const dirs = [tempDataDir("bench-party-a"), tempDataDir("bench-party-b")];
  console.log(`Starting two instances on ${database.url} (A transcodes the demo catalog on a first start)…`);
  const servers = [
    await startServer({ DATA_DIR: dirs[0], DATABASE_URL: database.url, DEMO_CATALOG: "on", WORKER_IN_PROCESS: "true", RATE_LIMIT_MULTIPLIER: "100" }),
    await startServer({ DATA_DIR: dirs[1], DATABASE_URL: database.url, DEMO_CATALOG: "off", RATE_LIMIT_MULTIPLIER: "100" }),
  ];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
  });
  try {
    const movie = await playableMovie(servers[0].url);
    console.log(`Sync: two members on ${movie.title}, 60 s…`);
    const sync = await measureSync(browser, servers[0].url, movie.id);
    console.log(`Fan-out: ${FANOUT_MEMBERS * CONNECTIONS_PER_MEMBER} streams on two instances…`);
    const fanout = await measureFanout(servers, movie.id);
    const syncP95 = percentile(sync.settled, 95);
    const fanP99 = percentile(fanout.latencies, 99);
    const load = os.loadavg().map((l) => l.toFixed(1)).join(", ");
    const body = [
      "Command: `npm run bench:party` (bench/party/run.ts). Two production instances on one PostgreSQL (A with the demo",
      `catalog and its transcoder, B without), localhost. Headless Chromium (${await browser.version()}).`,
      "",
      "Sync: two members (two accounts) in one party on a 30 s demo movie, both on instance A; over 60 s the host plays,",
      "pauses, seeks while paused, plays, seeks while playing, pauses and plays again (through the API). Every 100 ms both",
      "players' positions are read with the machine clock (the server's: one machine), and the difference is taken at one",
      `instant. Samples in the ${SETTLE_MS / 1000} s after each control are its settling and left out of the goal's figure.`,
      "",
      "| what | samples | p50 ms | p95 ms | max ms |",
      "| --- | --- | --- | --- | --- |",
      `| position difference, settled | ${sync.settled.length} | ${ms(percentile(sync.settled, 50))} | ${ms(syncP95)} | ${ms(Math.max(...sync.settled))} |`,
      `| position difference, all samples | ${sync.all.length} | ${ms(percentile(sync.all, 50))} | ${ms(percentile(sync.all, 95))} | ${ms(Math.max(...sync.all))} |`,
      "",
      `Goal p95 < 100 ms after each control settles: ${syncP95 < 100 ? "met" : "**not met**"} (p95 ${ms(syncP95)} ms).`,
      "",
      `Fan-out: ${fanout.streams} event streams of one party (${FANOUT_MEMBERS} members, ${CONNECTIONS_PER_MEMBER} connections each, half on A and half on B),`,
      `read by one Node process; the host posts ${FANOUT_EVENTS} seeks through A, 300 ms apart. Delivery: from just before the POST to`,
      "the event read from each stream (both include the POST's own work and the publish through PostgreSQL NOTIFY).",
      "",
      "| what | deliveries | p50 ms | p99 ms | max ms |",
      "| --- | --- | --- | --- | --- |",
      `| control → every stream | ${fanout.latencies.length} of ${fanout.expected} | ${ms(percentile(fanout.latencies, 50))} | ${ms(fanP99)} | ${ms(Math.max(...fanout.latencies))} |`,
      "",
      `Goal p99 < 250 ms: ${fanP99 < 250 ? "met" : "**not met**"} (p99 ${ms(fanP99)} ms).`,
      "",
      `Machine: ${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cores, Node ${process.version}; load average at the end ${load}.`,
      process.env.BENCH_NOTE ?? "",
    ].join("\n");
    updateBenchmarks("Watch parties", body);
    console.log(`\n${body}\n\nWritten to docs/BENCHMARKS.md`);
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
    await database.drop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
