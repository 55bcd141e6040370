import { BrowsePage } from "./pages/browse-page";
import { TitlePage } from "./pages/title-page";
import { expectAccessible } from "./axe";
import { expectMovieHidden, getShow, listTitles, postProgress, setProfile } from "./catalog-helpers";
import { chooseProfile, createProfile, expect, signInBrowser, test } from "./fixtures";

// Several page loads per test while the demo catalog transcodes on the same two cores.
test.describe.configure({ timeout: 180_000 });

test("a kids profile cannot see an R-rated title: not in rows, not in search, and its page is a 404", async ({ page, request, account }) => {
  const rated = await listTitles(request, "movies", "&maturity_rating=R");
  expect(rated.length).toBeGreaterThan(0);
  const [r] = rated;
  await createProfile(request, account.token, "Grown-up");
  await createProfile(request, account.token, "Kids");
  await setProfile(request, account.token, "Kids", { kids: true });
  await signInBrowser(page, account);

  // The grown-up profile sees it: the checks below can fail.
  await chooseProfile(page, "Grown-up");
  const title = new TitlePage(page);
  expect((await title.goto("movie", r.id))?.status()).toBe(200);
  await expect(title.heading()).toHaveText(r.title);

  await chooseProfile(page, "Kids");
  const browse = new BrowsePage(page);
  await browse.goto();
  await browse.waitForRows();
  expect(await page.locator("[data-title-card]").count()).toBeGreaterThan(5);
  for (const movie of rated) await expect(browse.cardsFor(movie.id)).toHaveCount(0);

  await expectMovieHidden(page, r);
});

test("movie page: details, My List and thumbs toggle, no serious axe violations", async ({ page, request, viewer }) => {
  const [movie] = await listTitles(request, "movies");
  const title = new TitlePage(page);
  await title.goto("movie", movie.id);
  await expect(title.heading()).toHaveText(movie.title);
  await expect(page.getByText(`Rated ${movie.maturity_rating}`, { exact: true })).toBeVisible();
  await expect(page.getByText("Cast", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await title.addToMyList(movie.title);
  await title.removeFromMyList(movie.title);

  await title.thumbsUp(movie.title).click();
  await expect(page.getByRole("button", { name: `Remove your thumbs up for ${movie.title}` })).toHaveAttribute("aria-pressed", "true");
  await title.thumbsDown(movie.title).click();
  await expect(page.getByRole("button", { name: `Remove your thumbs down for ${movie.title}` })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: `I like ${movie.title}` })).toHaveAttribute("aria-pressed", "false");
  expect(viewer.profile).toBeTruthy();
});

test("show page: seasons, per-episode progress and the resume target", async ({ page, request, viewer }) => {
  const shows = await listTitles(request, "shows");
  const show = (await Promise.all(shows.map((s) => getShow(request, s.id)))).find((s) => s.seasons.length >= 2 && s.seasons[0].episodes.length >= 2)!;
  const progress = (episode: number, seconds: number) =>
    postProgress(request, viewer.token, viewer.profile, { kind: "tv_show_watch_progress", tv_show_id: show.id, tv_show_season: 1, tv_show_episode: episode, progress: seconds });
  await progress(1, 100_000); // finished
  await progress(2, 12);

  const title = new TitlePage(page);
  await title.goto("show", show.id);
  await expect(title.heading()).toHaveText(show.title);
  await expect(title.episode(1).getByRole("progressbar", { name: "Watched" })).toHaveAttribute("aria-valuenow", "100");
  await expect(title.episode(2).getByRole("progressbar")).not.toHaveAttribute("aria-valuenow", "0");
  await expect(title.episode(3).getByRole("progressbar")).toHaveCount(0);
  const second = show.seasons[0].episodes[1];
  if (second.availability === "ready") {
    await expect(page.getByRole("link", { name: new RegExp(`^Resume S1:E2: ${second.title}`) })).toHaveAttribute("href", `/watch/show/${show.id}/1/2`);
  } else {
    await expect(page.getByText("Coming soon: the video is still being prepared")).toBeVisible();
  }
  await expectAccessible(page);

  await title.seasons().getByRole("link", { name: "Season 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/title/show/${show.id}\\?season=2$`));
  await expect(title.seasons().getByRole("link", { name: "Season 2" })).toHaveAttribute("aria-current", "page");
  await expect(title.episode(1)).toContainText(show.seasons[1].episodes[0].title);
});
