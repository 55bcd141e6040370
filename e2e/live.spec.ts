// Live TV in Chromium, on a server of its own (its first account is the admin): two 8-second clips (the second with
// two audio languages) are uploaded and transcoded, scheduled on a linear channel, and a viewer watches the channel live from the guide across programme
// boundaries (a discontinuity every 8 s) without a stall, with the LIVE badge, rewind and back to live. A live channel
// goes on air from an ffmpeg push (the admin's ingest panel follows live), plays, and shows the off-air slate when
// the push stops.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test as base } from "@playwright/test";
import { ffmpegPath } from "../lib/media/ffmpeg";
import { makeTestVideo } from "../lib/media/test-video";
import { freePort, startServer, tempDataDir } from "../test/server-process";
import { expectAccessible } from "./axe";
import { chooseProfile, createProfile, signInBrowser } from "./fixtures";
import { WatchPage } from "./pages/watch-page";

type Account = { username: string; password: string; token: string };
type Live = { url: string; admin: Account; channelId: string; titles: string[] };

const CLIP_SECONDS = 8;

async function api(base: string, method: string, p: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(base + p, {
    method,
    headers: { ...(body !== undefined && { "content-type": "application/json" }), ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${p} → ${response.status} ${text}`);
  return { body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

async function signUp(base: string, username: string, plan?: string): Promise<Account> {
  const account = { username, password: "correct horse battery", email: `${username}@example.com` };
  await api(base, "POST", "/api/accounts/new", undefined, account);
  const { bearer_token: token } = (await api(base, "POST", "/api/accounts/token", undefined, account)).body;
  if (plan) await api(base, "PUT", "/api/accounts/subscription", token, { subscription: plan });
  return { ...account, token };
}

/** A published movie whose video is a transcoded test pattern of CLIP_SECONDS. */
async function readyMovie(base: string, token: string, title: string, file: string): Promise<string> {
  const { id } = (await api(base, "POST", "/api/admin/titles", token, { type: "movie", title, year: 2026, maturity_rating: "PG", runtime_seconds: CLIP_SECONDS })).body;
  const video = fs.readFileSync(file);
  const tus = { "tus-resumable": "1.0.0" };
  const metadata = `filename ${Buffer.from("clip.mp4").toString("base64")},title_id ${Buffer.from(id).toString("base64")}`;
  const created = await fetch(`${base}/api/admin/uploads`, { method: "POST", headers: { ...tus, authorization: `Bearer ${token}`, "upload-length": String(video.length), "upload-metadata": metadata } });
  const sent = await fetch(base + created.headers.get("location")!, {
    method: "PATCH",
    headers: { ...tus, authorization: `Bearer ${token}`, "upload-offset": "0", "content-type": "application/offset+octet-stream" },
    body: new Uint8Array(video),
  });
  const jobId = sent.headers.get("normflix-job-id")!;
  await expect.poll(async () => (await api(base, "GET", `/api/admin/jobs/${jobId}`, token)).body.stage, { timeout: 120_000, intervals: [500] }).toBe("ready");
  await api(base, "PUT", `/api/admin/titles/${id}/published`, token, { published: true });
  return id;
}

const test = base.extend<{}, { live: Live }>({
  live: [
    async ({}, use) => {
      const dataDir = tempDataDir("e2e-live");
      const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "", DEMO_CATALOG: "off", WORKER_IN_PROCESS: "true", TRANSCODE_PRESET: "ultrafast", AUTH_SECRET: "" }, { startTimeoutMs: 240_000 });
      const admin = await signUp(server.url, "e2e_live_admin");
      const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-e2e-live-"));
      const titles = ["Clip Alpha", "Clip Beta"];
      const ids = [];
      for (const [i, title] of titles.entries()) {
        // Clip Beta is heard in two languages: on the channel it plays its default one, muxed into its video renditions.
        const audio = i === 1 ? [{ frequency: 440, language: "eng", default: true }, { frequency: 660, language: "spa" }] : undefined;
        const file = await makeTestVideo(path.join(work, `clip-${i}.mp4`), { width: 640, height: 360, seconds: CLIP_SECONDS, audio });
        ids.push(await readyMovie(server.url, admin.token, title, file));
      }
      fs.rmSync(work, { recursive: true, force: true });
      const channel = (await api(server.url, "POST", "/api/admin/channels", admin.token, { number: 7, name: "Boundary TV" })).body;
      await api(server.url, "PUT", `/api/admin/channels/${channel.id}/schedule`, admin.token, { items: ids.map((id) => ({ type: "movie", id })) });
      await use({ url: server.url, admin, channelId: channel.id, titles });
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 300_000 },
  ],
  baseURL: async ({ live }, use) => use(live.url),
});

test("a linear channel plays live from the guide across programme boundaries, with LIVE, rewind and back to live", async ({ page, live }) => {
  test.setTimeout(180_000);
  const viewer = await signUp(live.url, "e2e_live_viewer", "standard");
  await createProfile(page.request, viewer.token, "Viewer");
  await signInBrowser(page, viewer, "/profiles");
  await chooseProfile(page, "Viewer");

  // Stalls (waiting until playing again) after the first frame, measured in the page.
  await page.addInitScript(() => {
    const state = window as unknown as { stalls: number[]; waitingSince?: number; started?: boolean };
    state.stalls = [];
    document.addEventListener("playing", () => {
      if (state.started && state.waitingSince !== undefined) state.stalls.push(performance.now() - state.waitingSince);
      state.started = true;
      state.waitingSince = undefined;
    }, true);
    document.addEventListener("waiting", () => state.started && (state.waitingSince ??= performance.now()), true);
  });

  await page.goto("/live");
  await expect(page.getByRole("heading", { name: "Live TV" })).toBeVisible();
  const row = page.getByTestId("guide-row").filter({ hasText: "Boundary TV" });
  await expect(row).toContainText(/Now: Clip (Alpha|Beta)/);
  await expectAccessible(page);
  await row.getByRole("link", { name: /^Watch Boundary TV/ }).click();
  await expect(page).toHaveURL(new RegExp(`/watch/channel/${live.channelId}$`));

  const watch = new WatchPage(page);
  await watch.ensurePlaying();
  await expect(page.getByTestId("live-badge")).toHaveText("LIVE");
  const title = page.getByTestId("player-title");
  await expect(title).toHaveText(/^Clip (Alpha|Beta)$/);

  // Two boundaries in a row: the programme on screen changes, then changes back, while the video keeps advancing.
  const first = await title.textContent();
  const other = live.titles.find((t) => t !== first)!;
  await expect(title).toHaveText(other, { timeout: 30_000 });
  await expect(title).toHaveText(first!, { timeout: 30_000 });
  await watch.expectAdvancing(2);
  const stalls = await page.evaluate(() => (window as unknown as { stalls: number[] }).stalls);
  expect(Math.max(0, ...stalls)).toBeLessThan(2000);

  // Rewinding 10 s leaves the live edge; Back to live returns to it.
  await page.mouse.move(200, 200);
  await page.getByRole("button", { name: /^Back 10 seconds/ }).click();
  await expect(page.getByTestId("live-badge")).toHaveText("Back to live");
  await page.getByRole("button", { name: "Back to live" }).click();
  await expect(page.getByTestId("live-badge")).toHaveText("LIVE");
  await watch.expectAdvancing(1);
});

test("the admin reorders a channel's schedule in the schedule editor and sees the resulting grid", async ({ page, live }) => {
  test.setTimeout(120_000);
  await signInBrowser(page, live.admin, "/admin/channels");
  await page.goto("/admin/channels");
  await page.getByRole("link", { name: "Boundary TV" }).click();
  await expect(page.getByRole("heading", { name: "7 · Boundary TV" })).toBeVisible();
  const items = page.getByTestId("schedule-item");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("Clip Alpha");
  await expect(page.getByRole("heading", { name: "The next three hours" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Move Clip Beta up" }).click();
  await expect(items.first()).toContainText("Clip Beta");
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("Schedule saved")).toBeVisible();
  const { body } = await api(live.url, "GET", "/api/admin/channels", live.admin.token);
  expect(body.items[0].schedule.map((p: { title: string }) => p.title)).toEqual(["Clip Beta", "Clip Alpha"]);
  // The loop starts again with the first programme.
  const from = encodeURIComponent(body.items[0].schedule_starts_at);
  const schedule = (await api(live.url, "GET", `/api/channels/${live.channelId}/schedule?from=${from}&limit=2`)).body;
  expect(schedule.items.map((p: { title: string }) => p.title)).toEqual(["Clip Beta", "Clip Alpha"]);
  expect(schedule.items[0].starts_at).toBe(new Date(body.items[0].schedule_starts_at).toISOString());
});

test("an ingest channel goes on air from an RTMP push, plays in the player, and shows off air when the feed stops", async ({ page, browser, live }) => {
  test.setTimeout(120_000);
  const created = (await api(live.url, "POST", "/api/admin/channels", live.admin.token, { number: 9, name: "Ingest TV", kind: "live", rtmp_port: await freePort() })).body;
  await signInBrowser(page, live.admin, "/admin/channels");
  await page.goto(`/admin/channels/${created.id}`);
  await expect(page.getByTestId("ingest-state")).toHaveText("OFF AIR");
  await expect(page.getByTestId("rtmp-server")).toHaveText(created.ingest.rtmp_server);

  // The encoder reconnects when its connection fails, as OBS does: the worker may not be listening on the port yet
  // (it claims new channels every 2 s), and a refused push would otherwise end the test's only encoder.
  let pushing = true;
  let pusher: ChildProcess;
  const push = () => {
    pusher = spawn(ffmpegPath(), [
      "-hide_banner", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine",
      "-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-c:a", "aac", "-f", "flv", created.ingest.rtmp_url,
    ], { stdio: "ignore" });
    pusher.once("exit", () => pushing && setTimeout(push, 500));
  };
  push();
  try {
    // The panel follows the worker's reports without a reload.
    await expect(page.getByTestId("ingest-state")).toHaveText("ON AIR", { timeout: 15_000 });
    await expect(page.getByTestId("ingest-input")).toContainText("640×360");

    const viewerPage = await (await browser.newContext({ baseURL: live.url })).newPage();
    const viewer = await signUp(live.url, "e2e_ingest_viewer", "standard");
    await createProfile(viewerPage.request, viewer.token, "Viewer");
    await signInBrowser(viewerPage, viewer, "/profiles");
    await chooseProfile(viewerPage, "Viewer");
    await viewerPage.goto(`/watch/channel/${created.id}`);
    const watch = new WatchPage(viewerPage);
    await watch.ensurePlaying();
    await expect(viewerPage.getByTestId("live-badge")).toHaveText("LIVE");
    await watch.expectAdvancing(2);

    pushing = false;
    pusher!.kill("SIGINT");
    await expect(viewerPage.getByTestId("off-air")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("ingest-state")).toHaveText("OFF AIR");
  } finally {
    pushing = false;
    pusher!.kill("SIGKILL");
  }
});
