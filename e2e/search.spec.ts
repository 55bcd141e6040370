import { BrowsePage } from "./pages/browse-page";
import { misspell, SearchPage } from "./pages/search-page";
import { TitlePage } from "./pages/title-page";
import { expectAccessible } from "./axe";
import { listTitles } from "./catalog-helpers";
import { expect, test } from "./fixtures";

// Several page loads per test while the demo catalog transcodes on the same two cores.
test.describe.configure({ timeout: 180_000 });

test("browse → search with a typo → open the title → add it to My List", async ({ page, request, viewer }) => {
  const movies = await listTitles(request, "movies");
  const movie = movies.find((m) => m.title.split(/\s+/).some((w) => w.length >= 7))!;
  const browse = new BrowsePage(page);
  await browse.goto();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search", exact: true }).click();

  const search = new SearchPage(page);
  await expect(search.input()).toBeVisible();
  const query = misspell(movie.title);
  await search.type(query);
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(query)}$`));
  const result = search.group("Movies").getByRole("link", { name: new RegExp(`^${movie.title}`) });
  await expect(result).toBeVisible();
  await result.click();

  const title = new TitlePage(page);
  await expect(title.heading()).toHaveText(movie.title);
  await title.addToMyList(movie.title);
  // Still there after a reload (stored, not just shown).
  await page.reload();
  await expect(title.myListButton(movie.title)).toHaveAttribute("aria-pressed", "true");

  await browse.goto();
  await expect(browse.row("My List").getByRole("link", { name: new RegExp(`^${movie.title}`) })).toBeVisible();

  // The My List page (main navigation) has it too, and removes it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My List", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My List" })).toBeVisible();
  await page.getByRole("button", { name: `Remove ${movie.title} from My List` }).click();
  await expect(page.getByText(/Nothing here yet/)).toBeVisible();
  expect(viewer.profile).toBeTruthy();
});

test("search renders ?q= on the server, groups results, and says when nothing matches", async ({ page, request, viewer }) => {
  const [show] = await listTitles(request, "shows");
  // Without script: the first response already holds the results.
  const html = await (await page.request.get(`/search?q=${encodeURIComponent(show.title)}`)).text();
  expect(html).toContain(`data-title-card="${show.id}"`);

  const search = new SearchPage(page);
  await search.goto(show.title);
  await expect(search.input()).toHaveValue(show.title);
  await expect(search.group("Shows").getByRole("link", { name: new RegExp(`^${show.title}`) })).toBeVisible();
  await expectAccessible(page);

  await search.type("qqxqzv");
  await expect(search.summary()).toHaveText("No matches for “qqxqzv”.");
  await expect(page.getByRole("region", { name: /^Popular on NormFlix/ })).toBeVisible();

  // Clearing the field goes back to the empty state.
  await search.input().fill("");
  await expect(page).toHaveURL(/\/search$/);
  await expect(search.summary()).toHaveCount(0);
  expect(viewer.profile).toBeTruthy();
});
