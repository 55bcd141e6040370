import { BrowsePage } from "./pages/browse-page";
import { TitlePage } from "./pages/title-page";
import { expectAccessible } from "./axe";
import { listTitles, postProgress } from "./catalog-helpers";
import { expect, test } from "./fixtures";

// A title page's "More like this" row (the service behind GET /api/movies/{id}/similar) and the viewing history page.
test.describe.configure({ timeout: 180_000 });

test("a movie page shows More like this, in the API's order, and leaves out what the profile finished", async ({ page, request, viewer }) => {
  type Similar = { type: string; id: string; runtime_seconds?: number };
  const similar = async (movieId: string) => {
    const response = await request.get(`/api/movies/${movieId}/similar?profile=${encodeURIComponent(viewer.profile)}&limit=12`, {
      headers: { authorization: `Bearer ${viewer.token}` },
    });
    expect(response.ok()).toBe(true);
    return (await response.json()).items as Similar[];
  };
  // The first movie (A–Z) whose similar titles include a movie, so that finishing one can be seen to remove it.
  let movie: { id: string } | undefined;
  let before: Similar[] = [];
  for (const candidate of await listTitles(request, "movies", "&max_maturity_rating=PG-13")) {
    before = await similar(candidate.id);
    if (before.some((i) => i.type === "movie")) {
      movie = candidate;
      break;
    }
  }
  if (!movie) throw new Error("no demo movie has a movie among its similar titles");

  const title = new TitlePage(page);
  await title.goto("movie", movie.id);
  const row = page.getByRole("region", { name: "More like this", exact: true });
  const hrefs = () => row.getByRole("listitem").getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  await expect(row).toBeVisible();
  expect(await hrefs()).toEqual(before.map((i) => `/title/${i.type}/${i.id}`));
  await expectAccessible(page);

  // Finishing the first movie among them takes it off the row.
  const finished = before.find((i) => i.type === "movie")!;
  await postProgress(request, viewer.token, viewer.profile, { kind: "movie_watch_progress", movie_id: finished.id, progress: finished.runtime_seconds ?? 60 });
  await page.reload();
  await expect(row).toBeVisible();
  expect(await hrefs()).not.toContain(`/title/movie/${finished.id}`);
});

test("the viewing history page filters by status and removes an item", async ({ page, request, viewer }) => {
  const [done, midway] = await listTitles(request, "movies", "&max_maturity_rating=PG");
  await postProgress(request, viewer.token, viewer.profile, { kind: "movie_watch_progress", movie_id: done.id, progress: done.runtime_seconds ?? 60 });
  await postProgress(request, viewer.token, viewer.profile, { kind: "movie_watch_progress", movie_id: midway.id, progress: 3 });

  const browse = new BrowsePage(page);
  await browse.goto();
  await page.getByRole("button", { name: `Profile menu for ${viewer.profile}` }).click();
  await page.getByRole("link", { name: "Viewing history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Viewing history" })).toBeVisible();
  const card = (id: string) => page.locator(`[data-title-card="${id}"]`);
  await expect(card(done.id)).toBeVisible();
  await expect(card(midway.id)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Completed" }).click();
  await expect(page).toHaveURL(/status=completed/);
  await expect(card(done.id)).toBeVisible();
  await expect(card(midway.id)).toHaveCount(0);

  await page.getByRole("link", { name: "In progress" }).click();
  await expect(card(midway.id)).toBeVisible();
  await page.getByRole("button", { name: `Remove ${midway.title} from viewing history` }).click();
  await expect(card(midway.id)).toHaveCount(0);
  await page.getByRole("link", { name: "All" }).click();
  await expect(card(done.id)).toBeVisible();
  await expect(card(midway.id)).toHaveCount(0);
});
