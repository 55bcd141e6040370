// The player's states beyond plain playback: a stalled or failed stream (spinner, error panel, Retry that keeps the
// position), subtitles that clear the control bar with a size and background of the viewer's choosing, and the touch
// layout on a phone. Demo videos are 30 s long, cut into 6 s segments (seg-00000.ts, seg-00001.ts, …).
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, test, waitForPlayableMovie } from "./fixtures";
import { WatchPage } from "./pages/watch-page";

// Each test waits for a demo movie to be transcoded (minutes after a first start on two cores).
test.describe.configure({ timeout: 6 * 60_000 });

/** Every segment after each rendition's first: with these refused, playback stalls at about 6 s. */
const LATER_SEGMENTS = /\/seg-(?!00000)\d+\.ts(\?|$)/;

async function box(locator: Locator) {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error("not on screen");
  return { top: rect.y, bottom: rect.y + rect.height, height: rect.height, right: rect.x + rect.width };
}

/** The subtitle cue on screen now (cues leave half a second between them), or null. */
async function cueBox(page: Page) {
  const cue = page.getByTestId("subtitles");
  return (await cue.isVisible()) ? box(cue.locator("p").first()) : null;
}

/** A movie every plan covers whose video is ready and has subtitles (two of the demo clips do). */
async function waitForSubtitledMovie(request: APIRequestContext, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { items } = (await (await request.get("/api/movies?limit=100")).json()) as { items: { id: string; availability: string; access: string }[] };
    for (const movie of items.filter((m) => m.availability === "ready" && m.access === "subscription")) {
      const details = (await (await request.get(`/api/movies/${movie.id}`)).json()) as { id: string; subtitles: unknown[] };
      if (details.subtitles.length > 0) return details;
    }
    if (Date.now() > deadline) throw new Error("no subtitled demo movie became playable in time");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** Opens the player on `movieId` and waits until it plays. */
async function startWatching(page: Page, movieId: string) {
  const watch = new WatchPage(page);
  await page.goto(`/watch/movie/${movieId}`);
  await watch.ensurePlaying();
  return watch;
}

const cueFontSize = (page: Page) => page.getByTestId("subtitles").locator("p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

test("blocked segments: a spinner, then an error with Retry, which resumes at the same position without a reload", async ({ page, request, viewer: _signedIn }) => {
  const movie = await waitForPlayableMovie(request);
  let blocked = true;
  await page.route(LATER_SEGMENTS, (route) => (blocked ? route.abort("connectionfailed") : route.fallback()));
  const watch = await startWatching(page, movie.id);
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

  // The first segment plays out, then the player waits for data that does not come: a spinner, announced.
  const spinner = page.getByRole("status", { name: "Loading video" });
  await expect(spinner).toBeVisible({ timeout: 30_000 });
  const stalledAt = await watch.currentTime();
  expect(stalledAt).toBeGreaterThan(4);

  // hls.js retries, then gives up: a readable error with Retry, which takes the focus; the spinner goes.
  const error = page.getByRole("alert").filter({ hasText: "Playback stopped" });
  await expect(error).toBeVisible({ timeout: 60_000 });
  await expect(error).toContainText("connection");
  await expect(spinner).toBeHidden();
  const retry = error.getByRole("button", { name: "Retry" });
  await expect(retry).toBeFocused();
  await expectAccessible(page);

  // The network is back: Retry starts again where the video stopped, in the same page, and plays on.
  blocked = false;
  // Where it plays from: the first position reported while playing after Retry.
  await page.evaluate(() =>
    document.querySelector("video")!.addEventListener("timeupdate", (event) => {
      const video = event.target as HTMLVideoElement;
      if (!video.paused) (window as unknown as { resumedAt: number }).resumedAt ??= video.currentTime;
    }),
  );
  await retry.click();
  await expect(error).toBeHidden();
  const resumedAt = (await (await page.waitForFunction(() => (window as unknown as { resumedAt?: number }).resumedAt, undefined, { timeout: 30_000 })).jsonValue()) as number;
  expect(Math.abs(resumedAt - stalledAt)).toBeLessThan(1.5);
  await expect.poll(() => watch.currentTime(), { timeout: 30_000 }).toBeGreaterThan(stalledAt + 2);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
});

test("subtitles sit above the control bar, clear of the bottom edge when it hides, in the size and background chosen", async ({ page, request, viewer: _signedIn }) => {
  const movie = await waitForSubtitledMovie(request);
  const watch = await startWatching(page, movie.id);
  const player = page.getByTestId("player");

  await page.mouse.move(640, 300);
  await page.getByRole("button", { name: "Subtitles" }).click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.getByTestId("subtitles")).toBeVisible();

  // Controls showing: the cue ends above the control bar.
  await page.mouse.move(600, 320);
  await expect(player).toHaveAttribute("data-controls", "shown");
  const bar = await box(page.getByTestId("control-bar"));
  await expect.poll(async () => (await cueBox(page))?.bottom ?? Infinity).toBeLessThanOrEqual(bar.top);
  await expectAccessible(page);

  // Controls hidden (3 s without the pointer moving): the cue comes down, but keeps a margin from the bottom edge.
  await expect(player).toHaveAttribute("data-controls", "hidden", { timeout: 10_000 });
  const height = page.viewportSize()!.height;
  await expect.poll(async () => (await cueBox(page))?.bottom ?? 0).toBeGreaterThan(bar.top);
  await expect.poll(async () => height - ((await cueBox(page))?.bottom ?? height)).toBeGreaterThanOrEqual(24);

  // Size and background apply at once, and are remembered in this browser.
  await expect(page.getByTestId("subtitles")).toBeVisible();
  const medium = await cueFontSize(page);
  await page.mouse.move(640, 300);
  await page.getByRole("button", { name: "Subtitles" }).click();
  await expect(page.getByRole("group", { name: "Size" }).getByRole("menuitemradio", { name: "Medium" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("menuitemradio", { name: "Large" }).click();
  await page.getByRole("menuitemradio", { name: "Solid" }).click();
  await expectAccessible(page); // the menu open, in groups
  await page.keyboard.press("Escape");
  await expect.poll(() => cueFontSize(page)).toBeGreaterThan(medium * 1.2);
  const background = () => page.getByTestId("subtitles").locator("span").first().evaluate((span) => getComputedStyle(span).backgroundColor);
  await expect.poll(background).toBe("rgb(0, 0, 0)");
  const large = await cueFontSize(page);

  // A new page load (which resumes near where this one left; the demo video is 30 s, so back to its start).
  await page.reload();
  await watch.ensurePlaying();
  await watch.video().evaluate((video: HTMLVideoElement) => (video.currentTime = 1));
  await expect(page.getByTestId("subtitles")).toBeVisible();
  expect(await cueFontSize(page)).toBeCloseTo(large, 0);
  await expect.poll(background).toBe("rgb(0, 0, 0)");
});

test("picture in picture from the control bar, where the browser offers it", async ({ page, request, viewer: _signedIn }) => {
  const movie = await waitForPlayableMovie(request);
  const watch = await startWatching(page, movie.id);
  await page.mouse.move(640, 300);
  const enter = page.getByRole("button", { name: "Picture in picture" });
  if (!(await page.evaluate(() => document.pictureInPictureEnabled))) {
    await expect(enter).toHaveCount(0); // a browser without it (or with it turned off) gets no dead button
    return;
  }
  const inPicture = () => page.evaluate(() => document.pictureInPictureElement?.tagName ?? null);
  await enter.click();
  await expect.poll(inPicture).toBe("VIDEO");
  await page.getByRole("button", { name: "Exit picture in picture" }).click();
  await expect.poll(inPicture).toBeNull();
});

/**
 * Two taps at (x, y), sent to the browser together: one after the other through the test runner, a busy machine can
 * put more than a double tap's 300 ms between them.
 */
async function doubleTap(page: Page, x: number, y: number) {
  const cdp = await page.context().newCDPSession(page);
  const tap = (type: "touchStart" | "touchEnd") => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchStart" ? [{ x, y }] : [] });
  await Promise.all([tap("touchStart"), tap("touchEnd"), tap("touchStart"), tap("touchEnd")]);
  await cdp.detach();
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

  test("a tap shows the controls without pausing, a double tap seeks 10 s, and the time stays on one line", async ({ page, request, viewer: _signedIn }) => {
    const movie = await waitForPlayableMovie(request);
    const watch = await startWatching(page, movie.id);
    const player = page.getByTestId("player");
    const paused = () => watch.video().evaluate((video: HTMLVideoElement) => video.paused);
    await expect(player).toHaveAttribute("data-controls", "hidden", { timeout: 10_000 });

    // The controls' states as the player goes through them, recorded in the page: a loaded machine can pass the 3 s
    // after which they fade before a check from here comes round.
    const record = () =>
      player.evaluate((element) => {
        const page = window as unknown as { controlsSeen: string[]; controlsObserver?: MutationObserver };
        page.controlsObserver?.disconnect();
        page.controlsSeen = [];
        page.controlsObserver = new MutationObserver(() => page.controlsSeen.push(element.getAttribute("data-controls")!));
        page.controlsObserver.observe(element, { attributeFilter: ["data-controls"] });
      });
    const firstChange = () => page.evaluate(() => (window as unknown as { controlsSeen: string[] }).controlsSeen[0] ?? null);
    const showControls = async () => {
      if ((await player.getAttribute("data-controls")) === "hidden") await page.touchscreen.tap(195, 260);
      await expect(player).toHaveAttribute("data-controls", "shown");
    };
    // The centre button shows with the controls, unless the video is waiting for data (the spinner takes its place).
    const centreButton = async (name: "Play" | "Pause") => {
      const button = page.getByRole("button", { name, exact: true });
      await expect(async () => {
        await showControls();
        await expect(button).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 30_000 });
      return button;
    };

    // A tap (middle third, away from the centre button) shows the controls; playback goes on.
    await record();
    await page.touchscreen.tap(195, 260);
    await expect.poll(firstChange).toBe("shown");
    expect(await paused()).toBe(false);
    // Play/pause is its own button, in the middle.
    await centreButton("Pause");
    // The time readout fits on one line beside the buttons.
    const readout = await box(page.getByTestId("time-readout"));
    expect(readout.height).toBeLessThan(24);
    expect(readout.right).toBeLessThanOrEqual(390);
    await watch.expectAdvancing(0.5);
    // Another tap hides them, still playing.
    await showControls();
    await record();
    await page.touchscreen.tap(195, 260);
    await expect.poll(firstChange).toBe("hidden");
    expect(await paused()).toBe(false);

    // A double tap on the right third: 10 s on, with a brief "+10 s" on that side; on the left: 10 s back. The clip
    // is 30 s long: on a slow machine the steps above can take most of it, so this starts from 5 s in.
    await watch.video().evaluate((video: HTMLVideoElement) => (video.currentTime = 5));
    await watch.expectAdvancing(0.2);
    const before = await watch.currentTime();
    await doubleTap(page, 330, 400);
    await expect(page.getByTestId("seek-indicator")).toHaveText("+10 s");
    await expect.poll(() => watch.currentTime()).toBeGreaterThan(before + 9);
    expect(await paused()).toBe(false);
    await expect(page.getByTestId("seek-indicator")).toBeHidden();
    const ahead = await watch.currentTime();
    await doubleTap(page, 60, 400);
    await expect(page.getByTestId("seek-indicator")).toHaveText("−10 s");
    await expect.poll(() => watch.currentTime()).toBeLessThan(ahead - 8);

    // The centre button pauses and plays.
    await (await centreButton("Pause")).tap();
    await expect.poll(paused).toBe(true);
    await expectAccessible(page); // paused: the touch layout, controls showing
    await page.getByRole("button", { name: "Play", exact: true }).tap();
    await expect.poll(paused).toBe(false);
  });
});
