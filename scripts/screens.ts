// Screenshots of the main pages at a laptop's 1280×800 and a phone's 390×844, into docs/screens/<page>-<size>.jpg
// (JPEG, quality 60, each kept ≤ 150 KB), so a reader sees the site without running it; the pages a viewer uses most
// also in Spanish (<page>-<size>-es.jpg: a browser asking for Spanish, and a profile whose language is Spanish).
//   npm run screens                                      a production server of its own on a fresh embedded database
//                                                        with the demo catalog (waits for the first video to transcode)
//   SCREENS_BASE_URL=http://localhost:3000 npm run screens   a running server: a new account is made on it
// As the browser tests do (e2e/fixtures.ts): an account and profiles through the public API, then the real sign-in form.
// Chromium: CHROMIUM_PATH, default /usr/bin/chromium.
import { randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import en from "../messages/en.json";
import es from "../messages/es.json";
import { projectRoot, startServer, tempDataDir, type ServerHandle } from "../test/server-process";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = path.join(projectRoot, "docs", "screens");
const MAX_BYTES = 150 * 1024;
const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, mobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, mobile: true },
] as const;

/** English shoots every page; Spanish the ones a viewer uses most, as the profile Lucía, whose language is Spanish. */
const LANGUAGES = [
  { suffix: "", locale: "en-US", messages: en, profile: "Ada", pages: "all" },
  { suffix: "-es", locale: "es-419", messages: es, profile: "Lucía", pages: "main" },
] as const;
type Language = (typeof LANGUAGES)[number];

type Json = Record<string, unknown>;

async function api(base: string, method: string, pathname: string, body?: unknown, token?: string): Promise<Json | undefined> {
  const response = await fetch(base + pathname, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${pathname} → ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : ((await response.json()) as Json);
}

/** A movie every plan covers whose video is ready (on a fresh server, once the demo catalog's first clip is transcoded). */
async function playableMovie(base: string): Promise<{ id: string; title: string; runtime_seconds: number }> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const { items } = (await api(base, "GET", "/api/movies?limit=100&sort=popular")) as { items: Array<{ id: string; title: string; runtime_seconds: number; availability: string; access: string }> };
    const ready = items.find((movie) => movie.availability === "ready" && movie.access === "subscription");
    if (ready) return ready;
    if (Date.now() > deadline) throw new Error("no demo movie became playable in 15 minutes");
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

/** A standard-plan account with four profiles (each its own avatar), a title part watched and one on My List. */
async function household(base: string) {
  const username = `screens_${randomUUID().slice(0, 8)}`;
  const account = { username, email: `${username}@example.com`, password: "correct horse battery" };
  await api(base, "POST", "/api/accounts/new", account);
  const { bearer_token: token } = (await api(base, "POST", "/api/accounts/token", account)) as { bearer_token: string };
  await api(base, "PUT", "/api/accounts/subscription", { subscription: "standard" }, token);
  const profiles = [["Ada", { avatar: "fox" }], ["Lucía", { avatar: "owl", language: "es" }], ["Sam", { avatar: "robot" }], ["Kit", { avatar: "frog", kids: true }]] as const;
  for (const [name, settings] of profiles) {
    await api(base, "POST", `/api/profiles/${encodeURIComponent(name)}/new`, undefined, token);
    await api(base, "PATCH", `/api/profiles/${encodeURIComponent(name)}`, settings, token);
  }
  const movie = await playableMovie(base);
  const { items: shows } = (await api(base, "GET", "/api/shows?sort=popular&limit=1")) as { items: Array<{ id: string }> };
  for (const { profile } of LANGUAGES) {
    const name = encodeURIComponent(profile);
    await api(base, "POST", `/api/profiles/${name}/progress`, { kind: "movie_watch_progress", movie_id: movie.id, progress: Math.round(movie.runtime_seconds * 0.4) }, token);
    await api(base, "PUT", `/api/profiles/${name}/watchlist/show/${shows[0].id}`, undefined, token);
  }
  return { ...account, movie };
}

async function shoot(page: Page, name: string) {
  const file = path.join(OUT, `${name}.jpg`);
  // Every picture in view has loaded (lazy ones below the fold are not in the shot).
  await page.waitForLoadState("load");
  await page
    .waitForFunction(() => [...document.images].every((img) => {
      const box = img.getBoundingClientRect();
      const inView = box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
      return !inView || (img.complete && img.naturalWidth > 0);
    }), undefined, { timeout: 20_000 })
    .catch(() => undefined);
  await page.waitForTimeout(500);
  for (const quality of [60, 45, 30]) {
    await page.screenshot({ path: file, type: "jpeg", quality });
    if (fs.statSync(file).size <= MAX_BYTES) break;
  }
  console.log(`  ${path.relative(projectRoot, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}

async function screens(browser: Browser, base: string, who: Awaited<ReturnType<typeof household>>, size: (typeof SIZES)[number], language: Language) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: size.viewport,
    isMobile: size.mobile,
    hasTouch: size.mobile,
    deviceScaleFactor: 1,
    locale: language.locale,
  });
  const page = await context.newPage();
  const name = (pageName: string) => `${pageName}-${size.name}${language.suffix}`;
  const all = language.pages === "all";
  const { auth } = language.messages;
  try {
    await page.goto("/plans");
    await shoot(page, name("plans"));
    await page.goto("/signin");
    await page.getByLabel(auth.username).fill(who.username);
    await page.getByLabel(auth.password).fill(who.password);
    await page.getByRole("button", { name: auth.signIn }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    await page.goto("/profiles");
    if (all) await shoot(page, name("profiles"));
    await page.getByRole("button", { name: language.profile, exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/browse"));
    await page.locator("[data-skeleton]").first().waitFor({ state: "detached" }).catch(() => undefined);
    await shoot(page, name("browse"));
    await page.goto(`/title/movie/${who.movie.id}`);
    await shoot(page, name("title"));
    if (all) {
      await page.goto(`/search?q=${encodeURIComponent(who.movie.title.split(" ")[0])}`);
      await shoot(page, name("search"));
      await page.goto("/live");
      await shoot(page, name("live"));
    }
    await page.goto("/account");
    await shoot(page, name("account"));
    await page.goto(`/watch/movie/${who.movie.id}`);
    const video = page.locator("video");
    await page.waitForFunction(() => {
      const v = document.querySelector("video");
      return v !== null && v.readyState >= 2;
    }, undefined, { timeout: 60_000 });
    await video.evaluate((v: HTMLVideoElement) => v.pause());
    // The controls show while the viewer moves the mouse (or taps, on a phone).
    if (size.mobile) await page.tap("video").catch(() => undefined);
    else await page.mouse.move(size.viewport.width / 2, size.viewport.height / 2);
    await shoot(page, name("player"));
  } finally {
    await context.close();
  }
}

async function main() {
  let server: ServerHandle | undefined;
  let dataDir: string | undefined;
  let base = process.env.SCREENS_BASE_URL?.replace(/\/$/, "");
  if (!base) {
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/ensure-build.ts"], { cwd: projectRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("the production build failed");
    dataDir = tempDataDir("screens");
    server = await startServer({ DATA_DIR: dataDir, DEMO_CATALOG: "on", WORKER_IN_PROCESS: "true", TRANSCODE_PRESET: "ultrafast", RATE_LIMIT_MULTIPLIER: "50" });
    base = server.url;
  }
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    console.log(`Screenshots of ${base}`);
    const who = await household(base);
    for (const language of LANGUAGES) for (const size of SIZES) await screens(browser, base, who, size, language);
  } finally {
    await browser.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
