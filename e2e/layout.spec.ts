// Layout at a phone's size (390×844) and a laptop's (1280×800): plans compared without sideways clipping, the header's
// sections all on a phone's screen, backdrops shown whole on phones, Continue Watching on landscape stills with an honest
// time left.
import type { Locator, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { listTitles, postProgress } from "./catalog-helpers";
import { expect, test } from "./fixtures";
import { BrowsePage } from "./pages/browse-page";
import { TitlePage } from "./pages/title-page";

test.describe.configure({ timeout: 120_000 });

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  expect(found, "element has a box").not.toBeNull();
  return found!;
}

/** `inner` lies within `outer` horizontally (half a pixel for rounding). */
function expectWithinX(inner: Box, outer: { x: number; width: number }, what: string) {
  expect(inner.x, `${what} starts inside`).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.x + inner.width, `${what} ends inside`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
}

/** The page itself does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/**
 * The backdrop of the header around `heading` is shown whole: inside the viewport, at the picture's own aspect ratio
 * (so nothing of it is cut off), inside its header, and the text over it starts only in its bottom quarter.
 */
async function expectWholeBackdrop(page: Page, heading: Locator) {
  const header = heading.locator("xpath=ancestor::*[.//*[@data-backdrop]][1]");
  const image = header.locator("[data-backdrop] img");
  await expect(image).toHaveCount(1);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const natural = await image.evaluate((img: HTMLImageElement) => img.naturalHeight / img.naturalWidth);
  const shown = await box(image);
  expectWithinX(shown, { x: 0, width: page.viewportSize()!.width }, "backdrop");
  expect(shown.width).toBeGreaterThan(page.viewportSize()!.width - 1);
  expect(Math.abs(shown.height / shown.width - natural), "backdrop keeps its aspect ratio").toBeLessThan(0.01);
  const outer = await box(header);
  expect(shown.y).toBeGreaterThanOrEqual(outer.y - 0.5);
  expect(shown.y + shown.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
  expect((await box(heading)).y).toBeGreaterThanOrEqual(shown.y + shown.height * 0.75);
}

test.describe("phone, 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("plans: every plan's name, price and Choose link fit the screen", async ({ page }) => {
    await page.goto("/plans");
    const table = page.getByRole("table", { name: "Plans compared" });
    await expect(table).toBeVisible();
    const viewport = { x: 0, width: 390 };
    const container = await box(table.locator("xpath=.."));
    // Nothing to scroll to inside the table's container either: all three plans are in view at once.
    expect(await table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const prices = table.getByRole("row", { name: /Monthly price/ }).getByRole("cell");
    await expect(prices).toHaveCount(3);
    for (const [i, name] of ["Basic", "Standard", "Premium"].entries()) {
      const header = table.getByRole("columnheader", { name });
      await expect(header).toBeVisible();
      const price = prices.nth(i);
      await expect(price).toHaveText(/\$\d+(\.\d\d)?/);
      const choose = table.getByRole("link", { name: `Choose ${name}` });
      await expect(choose).toHaveAttribute("href", `/signup?plan=${name.toLowerCase()}`);
      for (const [what, element] of [
        [`${name} heading`, header],
        [`${name} price`, price],
        [`Choose ${name}`, choose],
      ] as const) {
        const shown = await box(element);
        expectWithinX(shown, viewport, what);
        expectWithinX(shown, container, what);
      }
      // The price's text is not cut off inside its cell.
      expect(await price.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    }
    // The three plans sit side by side, in order.
    const xs = await Promise.all(["Basic", "Standard", "Premium"].map(async (name) => (await box(table.getByRole("columnheader", { name }))).x));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });

  test("the header shows every section, the notifications and the profile menu on screen", async ({ page, viewer }) => {
    void viewer;
    const browse = new BrowsePage(page);
    await browse.goto();
    const header = page.locator("header").first();
    const nav = header.getByRole("navigation", { name: "Main" });
    const width = page.viewportSize()!.width;
    for (const name of ["Home", "Live", "Search", "My List"]) {
      const link = nav.getByRole("link", { name, exact: true });
      await expect(link).toBeVisible();
      expectWithinX(await box(link), { x: 0, width }, `the ${name} link`);
    }
    expectWithinX(await box(header.getByRole("button", { name: /^Notifications/ })), { x: 0, width }, "the bell");
    expectWithinX(await box(header.getByRole("button", { name: /^Profile menu for / })), { x: 0, width }, "the profile menu");
    await expectNoSidewaysScroll(page);
  });

  test("title page and featured title: the backdrop is shown whole, not cropped", async ({ page, request, viewer }) => {
    void viewer;
    const [movie] = await listTitles(request, "movies", "&max_maturity_rating=PG");
    const title = new TitlePage(page);
    await title.goto("movie", movie.id);
    await expect(title.heading()).toHaveText(movie.title);
    await expectWholeBackdrop(page, title.heading());
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    const browse = new BrowsePage(page);
    await browse.goto();
    await expectWholeBackdrop(page, browse.featuredHeading());
    await browse.waitForRows();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });
});

test.describe("laptop, 1280×800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("Continue Watching: a landscape still, a progress bar and the seconds left", async ({ page, request, viewer }) => {
    const [movie] = await listTitles(request, "movies", "&max_maturity_rating=PG");
    const runtime = movie.runtime_seconds!;
    // 17 seconds before the end of a demo clip (30 s).
    expect(runtime).toBeGreaterThan(20);
    expect(runtime).toBeLessThan(60);
    await postProgress(request, viewer.token, viewer.profile, { kind: "movie_watch_progress", movie_id: movie.id, progress: runtime - 17 });
    const percent = Math.round((100 * (runtime - 17)) / runtime);

    const browse = new BrowsePage(page);
    await browse.goto();
    const row = browse.row("Continue Watching");
    const card = row.locator(`[data-title-card="${movie.id}"]`);
    await expect(card.getByRole("link", { name: `Resume ${movie.title}` })).toBeVisible();
    await expect(card.getByRole("progressbar", { name: `${movie.title}: ${percent}% watched` })).toHaveAttribute("aria-valuenow", String(percent));
    await expect(card.getByText("17 s left", { exact: true })).toBeVisible();
    // The picture is landscape (the backdrop), wider than the posters of the rows below.
    const still = card.locator("img");
    await expect.poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const shown = await box(still);
    expect(shown.width / shown.height).toBeGreaterThan(1.6);
    const poster = await box(browse.row("New on NormFlix").locator("img").first());
    expect(poster.width / poster.height).toBeLessThan(1);
    const { backdrop_url: backdrop } = (await (await request.get(`/api/movies/${movie.id}`)).json()) as { backdrop_url: string };
    expect(backdrop).toBeTruthy();
    expect(await still.getAttribute("src")).toBe(backdrop);

    // The label follows the position (in seconds under a minute: never "0 min left").
    const update = await request.put(`/api/profiles/${viewer.profile}/progress`, {
      headers: { authorization: `Bearer ${viewer.token}` },
      data: { kind: "movie_watch_progress", movie_id: movie.id, progress: 1 },
    });
    expect(update.ok()).toBe(true);
    await page.reload();
    await expect(card.getByText(`${runtime - 1} s left`, { exact: true })).toBeVisible();
    await expect(row.getByText(/\b0 min left/)).toHaveCount(0);
    await browse.waitForRows();
    await expectAccessible(page);
  });
});
