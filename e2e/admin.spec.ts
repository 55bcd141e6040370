// The admin area in a browser, on a server of its own (the first account signed up there is the admin): a video goes
// from upload to a published title a viewer plays in the browser; cast and crew edited by the admin reach the title's
// page; and every admin page and API endpoint refuses a viewer with 403.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { makeTestVideo } from "../lib/media/test-video";
import { startServer, tempDataDir } from "../test/server-process";
import { chooseProfile, createProfile, signInBrowser, signUpAt } from "./fixtures";
import { AdminTitlePage } from "./pages/admin-title-page";
import { WatchPage } from "./pages/watch-page";

type Account = { username: string; password: string; token: string };

const test = base.extend<{}, { adminServer: { url: string; admin: Account } }>({
  adminServer: [
    async ({}, use) => {
      const dataDir = tempDataDir("e2e-admin");
      // Started beside the global setup's server, which transcodes the demo catalog: on a busy machine that takes a while.
      const server = await startServer(
        { DATA_DIR: dataDir, DATABASE_URL: "", DEMO_CATALOG: "off", WORKER_IN_PROCESS: "true", TRANSCODE_PRESET: "ultrafast", AUTH_SECRET: "" },
        { startTimeoutMs: 240_000 },
      );
      const admin = await signUpAt(server.url, "e2e_admin");
      await use({ url: server.url, admin });
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 300_000 },
  ],
  baseURL: async ({ adminServer }, use) => use(adminServer.url),
});

/** A viewer's own browser on the admin tests' server: signed in, with a "Viewer" profile chosen. */
async function viewerBrowser(browser: Browser, baseURL: string, viewer: Account): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await createProfile(page.request, viewer.token, "Viewer");
  await signInBrowser(page, viewer, "/profiles");
  await chooseProfile(page, "Viewer");
  return page;
}

/** Every admin page, found on disk, so a page added later is covered without touching this test. */
function adminPagePaths(titleId: string): string[] {
  const root = path.join(import.meta.dirname, "..", "app", "(site)", "admin");
  const pages: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${route}/${entry.name.replace(/^\[\w+\]$/, titleId)}`);
      else if (entry.name === "page.tsx") pages.push(route);
    }
  };
  walk(root, "/admin");
  return pages;
}

test.describe("admin", () => {
  test("uploads a generated video, watches its job reach ready, publishes it, and a viewer then plays it", async ({ page, browser, adminServer }) => {
    test.setTimeout(300_000);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-e2e-video-"));
    const video = await makeTestVideo(path.join(work, "pattern.mp4"), { width: 640, height: 360, seconds: 12 });

    await signInBrowser(page, adminServer.admin, "/admin/titles");
    const admin = new AdminTitlePage(page);
    const movieId = await admin.createMovie("Upload Test Pattern");
    await admin.uploadVideo(video);
    await expect(admin.uploadProgress()).toBeVisible();
    await expect(page.getByText("Uploaded.")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("link", { name: "follow the job" })).toBeVisible();

    // The live job view: it appears with the page's refresh and moves through its stages to ready.
    const job = admin.job();
    await expect(job).toBeVisible();
    await expect(job.locator("[data-stage]")).toHaveAttribute("data-stage", "ready", { timeout: 180_000 });
    await page.reload();
    await expect(page.getByText(/Video ready · 0 min · 360p/)).toBeVisible();

    // Viewers see nothing until it is published.
    const viewer = await signUpAt(adminServer.url, "e2e_viewer", "standard");
    const before = await page.request.get(`/api/movies/${movieId}`, { headers: { authorization: `Bearer ${viewer.token}` } });
    expect(before.status()).toBe(404);
    await admin.publish();
    const after = await page.request.get(`/api/movies/${movieId}`, { headers: { authorization: `Bearer ${viewer.token}` } });
    expect(after.status()).toBe(200);
    expect(await after.json()).toMatchObject({ title: "Upload Test Pattern", availability: "ready", available_qualities: ["360p"] });
    fs.rmSync(work, { recursive: true, force: true });

    // The viewer, in a browser of their own, watches it: the video's clock moves.
    const viewerPage = await viewerBrowser(browser, adminServer.url, viewer);
    await viewerPage.goto(`/watch/movie/${movieId}`);
    await expect(viewerPage.getByRole("heading", { name: "Upload Test Pattern" })).toBeVisible();
    const player = new WatchPage(viewerPage);
    await player.ensurePlaying();
    await player.expectAdvancing(2);
    await viewerPage.context().close();
  });

  test("an upload with two audio languages plays with both selectable, and the profile's choice is remembered", async ({ page, browser, adminServer }) => {
    test.setTimeout(300_000);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-e2e-video-"));
    const audio = [
      { frequency: 440, language: "eng", default: true },
      { frequency: 660, language: "spa" },
    ];
    const video = await makeTestVideo(path.join(work, "bilingual.mp4"), { width: 640, height: 360, seconds: 40, audio });

    await signInBrowser(page, adminServer.admin, "/admin/titles");
    const admin = new AdminTitlePage(page);
    const movieId = await admin.createMovie("Two Voices");
    await admin.uploadVideo(video);
    await expect(page.getByText("Uploaded.")).toBeVisible({ timeout: 60_000 });
    await expect(admin.job().locator("[data-stage]")).toHaveAttribute("data-stage", "ready", { timeout: 180_000 });
    await admin.publish();
    fs.rmSync(work, { recursive: true, force: true });
    const detail = await (await page.request.get(`/api/movies/${movieId}`)).json();
    expect(detail.audio_tracks).toEqual([
      { language: "en", label: "English", default: true },
      { language: "es", label: "Español", default: false },
    ]);

    const viewer = await signUpAt(adminServer.url, "e2e_polyglot", "standard");
    const viewerPage = await viewerBrowser(browser, adminServer.url, viewer);
    // The alternate track's segments come from its own playlist's folder.
    const alternateSegments: string[] = [];
    viewerPage.on("request", (request) => /\/audio-\d+\/seg-\d+\.ts/.test(request.url()) && alternateSegments.push(request.url()));
    await viewerPage.goto(`/watch/movie/${movieId}`);
    const watch = new WatchPage(viewerPage);
    await watch.ensurePlaying();
    const player = viewerPage.getByTestId("player");
    await expect(player).toHaveAttribute("data-audio-language", "en");
    expect(alternateSegments).toEqual([]);

    // The audio menu, beside the subtitles', by keyboard: hls.js switches to the Spanish track and plays on.
    await viewerPage.mouse.move(640, 300);
    const audioButton = viewerPage.getByRole("button", { name: "Audio" });
    await audioButton.focus();
    await viewerPage.keyboard.press("Enter");
    const menu = viewerPage.getByRole("menu", { name: "Audio" });
    await expect(menu.getByRole("menuitemradio")).toHaveText([/English/, /Español/]);
    await expect(menu.getByRole("menuitemradio", { name: "English" })).toHaveAttribute("aria-checked", "true");
    await menu.getByRole("menuitemradio", { name: "Español" }).focus();
    await viewerPage.keyboard.press("Enter");
    await expect(menu).toBeHidden();
    await expect(player).toHaveAttribute("data-audio-language", "es");
    await expect.poll(() => alternateSegments.length).toBeGreaterThan(0);
    await watch.expectAdvancing(2);
    // The choice is the profile's now.
    const preferences = async () =>
      (await (await viewerPage.request.get("/api/profiles/Viewer/preferences", { headers: { authorization: `Bearer ${viewer.token}` } })).json()).audio_language;
    await expect.poll(preferences).toBe("es");

    // The next load starts in Spanish: the menu says so, and the Spanish playlist is what plays.
    alternateSegments.length = 0;
    await viewerPage.reload();
    await watch.ensurePlaying();
    await expect(player).toHaveAttribute("data-audio-language", "es");
    await expect.poll(() => alternateSegments.length).toBeGreaterThan(0);
    await viewerPage.mouse.move(600, 320);
    await audioButton.click();
    await expect(menu.getByRole("menuitemradio", { name: "Español" })).toHaveAttribute("aria-checked", "true");
    // And back to English: the muxed track, heard again from the video's own segments.
    await menu.getByRole("menuitemradio", { name: "English" }).click();
    await expect(player).toHaveAttribute("data-audio-language", "en");
    await watch.expectAdvancing(2);
    await expect.poll(preferences).toBe("en");
    await viewerPage.context().close();
  });

  test("adds cast and crew to a title, reorders them, and a viewer sees them on the title's page", async ({ page, browser, adminServer }) => {
    test.setTimeout(180_000);
    const auth = { authorization: `Bearer ${adminServer.admin.token}` };
    await page.request.post("/api/admin/people", { headers: auth, data: { name: "Dana Director" } });
    await signInBrowser(page, adminServer.admin, "/admin/titles");
    const admin = new AdminTitlePage(page);
    const movieId = await admin.createMovie("Credits Test");

    await admin.addCredit({ newPerson: "Casey Lead", role: "Cast", character: "The Hero" });
    await admin.addCredit({ newPerson: "Sam Second", role: "Cast" });
    await admin.addCredit({ search: "dana", pick: "Dana Director", role: "Director" });
    await expect(admin.credits()).toHaveText([/Casey Lead.*as The Hero/, /Sam Second/, /Dana Director.*Director/]);
    await admin.credits().filter({ hasText: "Sam Second" }).getByRole("button", { name: "Move up" }).click();
    await expect(admin.credits()).toHaveText([/Sam Second/, /Casey Lead/, /Dana Director/]);
    await admin.credits().filter({ hasText: "Sam Second" }).getByRole("button", { name: "Remove" }).click();
    await expect(admin.credits()).toHaveText([/Casey Lead/, /Dana Director/]);
    await admin.publish();

    const viewer = await signUpAt(adminServer.url, "e2e_credits_viewer", "standard");
    const viewerPage = await viewerBrowser(browser, adminServer.url, viewer);
    await viewerPage.goto(`/title/movie/${movieId}`);
    const credits = viewerPage.getByRole("region", { name: "Cast and crew" });
    await expect(credits.getByRole("listitem")).toHaveText([/^Casey Lead as The Hero,?$/, /^Dana Director$/]);
    await expect(credits.getByText("Director", { exact: true })).toBeVisible();
    await viewerPage.context().close();
  });

  test("a viewer gets 403 on every admin page and every admin API endpoint", async ({ page, adminServer }) => {
    test.setTimeout(180_000);
    const viewer = await signUpAt(adminServer.url, "e2e_nosy", "standard");
    const anyTitle = await page.request.post("/api/admin/titles", {
      headers: { authorization: `Bearer ${adminServer.admin.token}` },
      data: { type: "movie", title: "Secret Draft", year: 2025, maturity_rating: "G" },
    });
    const titleId = (await anyTitle.json()).id;

    await signInBrowser(page, viewer, "/profiles");
    const pages = adminPagePaths(titleId);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const pathname of pages) {
      const response = await page.goto(pathname);
      expect(response?.status(), pathname).toBe(403);
      await expect(page.getByRole("heading", { name: "Administrators only" })).toBeVisible();
      await expect(page.getByText("Secret Draft")).toHaveCount(0);
    }

    // Every admin endpoint the API documents (the OpenAPI document is generated from the endpoint registry).
    const openapi = (await (await page.request.get("/api/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const adminEndpoints = Object.entries(openapi.paths)
      .filter(([p]) => p.startsWith("/api/admin/"))
      .flatMap(([p, methods]) => Object.keys(methods).map((method) => ({ path: p, method: method.toUpperCase() })));
    expect(adminEndpoints.length).toBeGreaterThan(30);
    for (const e of adminEndpoints) {
      const url = e.path.replace(/\{\w+\}/g, titleId);
      // With the viewer's bearer token, and with the viewer's site session cookie (same-origin, as the site's scripts).
      const withToken = await page.request.fetch(url, { method: e.method, headers: { authorization: `Bearer ${viewer.token}` }, timeout: 10_000 });
      expect(withToken.status(), `${e.method} ${e.path} (token)`).toBe(403);
      const withCookie = await page.request.fetch(url, { method: e.method, headers: { origin: adminServer.url }, timeout: 10_000 });
      expect(withCookie.status(), `${e.method} ${e.path} (cookie)`).toBe(403);
    }
  });
});
