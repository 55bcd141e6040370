import { BrowsePage } from "./pages/browse-page";
import { expectAccessible } from "./axe";
import { listTitles, postProgress, watchSeconds } from "./catalog-helpers";
import { expect, test } from "./fixtures";
import fs from "node:fs";
import { createTranslator } from "next-intl";
import { createFormat, type FormatWords } from "../lib/site/format";

/** The English wording the preview shows: the site's formats with its English messages (read as data: no JSON import). */
const english = createFormat(
  "en",
  createTranslator({ locale: "en", messages: JSON.parse(fs.readFileSync(new URL("../messages/en.json", import.meta.url), "utf8")), namespace: "format" }) as FormatWords,
);

// Several page loads per test while the demo catalog transcodes on the same two cores.
test.describe.configure({ timeout: 180_000 });

test("browse home: featured title, rows, arrow keys along a row, no serious axe violations", async ({ page, viewer }) => {
  const browse = new BrowsePage(page);
  await browse.goto();
  await browse.waitForRows();
  await expect(browse.featuredHeading()).toBeVisible();
  expect(await browse.cardLinks("New on NormFlix").count()).toBeGreaterThan(5);
  // A new profile has no history: no continue watching, no list, no personal picks.
  await expect(browse.row("Continue Watching")).toHaveCount(0);
  await expect(browse.row("My List")).toHaveCount(0);
  await expect(browse.row(`Top Picks for ${viewer.profile}`)).toHaveCount(0);
  // Genre rows follow.
  expect(await page.getByRole("region").count()).toBeGreaterThan(4);

  const links = browse.cardLinks("New on NormFlix");
  await links.nth(0).focus();
  await page.keyboard.press("ArrowRight");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(links.nth(1)).toBeFocused();

  await expectAccessible(page);
});

test("a card's preview, by mouse and by keyboard: Play, My List, rating, runtime, genres; Escape closes it, nothing moves", async ({ page, request, viewer }) => {
  const browse = new BrowsePage(page);
  await browse.goto();
  await browse.waitForRows();
  const cards = browse.row("New on NormFlix").getByRole("listitem");
  const id = (await cards.first().getAttribute("data-title-card"))!;
  const asMovie = await request.get(`/api/movies/${id}`);
  const kind = asMovie.ok() ? "movie" : "show";
  const title = (await (asMovie.ok() ? asMovie : await request.get(`/api/shows/${id}`)).json()) as {
    title: string; year: number; maturity_rating: string; runtime_seconds?: number; season_count?: number; availability: string; genres: Array<{ name: string }>;
  };
  // Where the next card sits in its row (the featured carousel above changes height as it turns).
  const neighbour = () => cards.nth(1).evaluate((el: HTMLElement) => [el.offsetLeft, el.offsetTop, el.offsetWidth, el.offsetHeight]);
  const before = await neighbour();

  // A mouse resting on the card opens its preview over the row.
  await cards.first().getByRole("link").first().hover();
  const preview = page.getByRole("group", { name: `${title.title}: preview` });
  await expect(preview).toBeVisible();
  await expect(preview.getByText(`Rated ${title.maturity_rating}`)).toBeAttached();
  await expect(preview).toContainText(String(title.year));
  await expect(preview).toContainText(kind === "movie" ? english.runtime(title.runtime_seconds)! : english.seasonCount(title.season_count!));
  for (const genre of title.genres) await expect(preview).toContainText(genre.name);
  const play = preview.getByRole("link", { name: `Play ${title.title}` });
  if (title.availability === "ready") await expect(play).toHaveAttribute("href", kind === "movie" ? `/watch/movie/${id}` : `/title/show/${id}`);
  else await expect(play).toHaveCount(0); // no Play for a video still being prepared
  expect(await neighbour()).toEqual(before); // laid over the row: nothing moved

  // My List from the preview: added for the profile, then removed.
  const onList = async () => {
    const response = await request.get(`/api/profiles/${viewer.profile}/watchlist?limit=100`, { headers: { authorization: `Bearer ${viewer.token}` } });
    return ((await response.json()) as { items: Array<{ id: string }> }).items.some((item) => item.id === id);
  };
  await preview.getByRole("button", { name: `Add ${title.title} to My List` }).click();
  await expect(preview.getByRole("button", { name: `Remove ${title.title} from My List` })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(onList).toBe(true);
  await preview.getByRole("button", { name: `Remove ${title.title} from My List` }).click();
  await expect(preview.getByRole("button", { name: `Add ${title.title} to My List` })).toBeVisible();
  await expect.poll(onList).toBe(false);
  await page.keyboard.press("Escape");
  await expect(preview).toHaveCount(0);

  // The keyboard: focusing a card opens its preview at once, Tab goes into it, Escape closes it and returns to the card.
  await page.mouse.move(0, 0);
  const links = browse.cardLinks("New on NormFlix");
  await links.nth(0).focus();
  await page.keyboard.press("ArrowRight");
  await expect(links.nth(1)).toBeFocused();
  const second = page.locator("[data-card-preview]");
  await expect(second).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(second.locator(":focus")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(second).toHaveCount(0);
  await expect(links.nth(1)).toBeFocused();
  await expectAccessible(page);
});

test("continue watching shows progress and hides a title on request", async ({ page, request, viewer }) => {
  const [movie] = await listTitles(request, "movies", "&max_maturity_rating=PG");
  // 40% of the way in (demo runtimes are whole seconds).
  const position = Math.round((movie.runtime_seconds ?? 30) * 0.4);
  await postProgress(request, viewer.token, viewer.profile, { kind: "movie_watch_progress", movie_id: movie.id, progress: position });

  const browse = new BrowsePage(page);
  await browse.goto();
  const row = browse.row("Continue Watching");
  const card = row.getByRole("link", { name: `Resume ${movie.title}` });
  await expect(card).toHaveAttribute("href", `/watch/movie/${movie.id}`);
  await expect(row.getByRole("progressbar", { name: `${movie.title}: 40% watched` })).toHaveAttribute("aria-valuenow", "40");

  await row.getByRole("button", { name: `Remove ${movie.title} from Continue Watching` }).click();
  await expect(browse.row("Continue Watching")).toHaveCount(0);
  await page.reload();
  await expect(browse.row("New on NormFlix")).toBeVisible();
  await expect(browse.row("Continue Watching")).toHaveCount(0);
});

test("Trending Now follows viewing: a title watched this week is on it, in the API's order", async ({ page, request, viewer }) => {
  const movies = await listTitles(request, "movies", "&max_maturity_rating=PG");
  const trending = async () =>
    ((await (await request.get("/api/browse/trending?limit=20")).json()).items as Array<{ type: string; id: string }>).map((i) => `/title/${i.type}/${i.id}`);
  const before = await trending();
  const movie = movies.find((m) => !before.includes(`/title/movie/${m.id}`))!;
  await watchSeconds(request, viewer.token, viewer.profile, movie.id, 6);
  const after = await trending();
  expect(after).toContain(`/title/movie/${movie.id}`);

  const browse = new BrowsePage(page);
  await browse.goto();
  const hrefs = await browse.cardLinks("Trending Now").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs).toEqual(after);
});

test("browsing needs a signed-in viewer", async ({ page }) => {
  await page.goto("/browse");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fbrowse/);
});
