// Viewing activity: a profile with history sees its watch time, charts by day, hour and genre, and the titles it
// watched most, counted in the browser's own time zone.
import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";

test.use({ timezoneId: "Asia/Tokyo" });

test("the activity page charts a profile's viewing in the browser's time zone", async ({ page, request, viewer }) => {
  const auth = { authorization: `Bearer ${viewer.token}` };
  const { items } = await (await request.get("/api/movies?limit=2&sort=title&max_maturity_rating=PG", { headers: auth })).json();
  for (const movie of items) {
    const written = await request.post(`/api/profiles/${viewer.profile}/progress`, { headers: auth, data: { kind: "movie_watch_progress", movie_id: movie.id, progress: 6 } });
    expect(written.status()).toBe(200);
  }

  await page.goto("/account");
  await page.getByRole("link", { name: "See viewing activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Viewing activity" })).toBeVisible();
  // The page learns the browser's zone from a cookie it sets, then draws the days and hours in it.
  await expect(page.getByText(/\(Asia\/Tokyo\)/)).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^< 1 min$/ })).toBeVisible();
  for (const chart of ["Minutes watched per day", "When you watch (hour of the day)", "Favourite genres"]) {
    const figure = page.getByRole("figure", { name: chart });
    await expect(figure).toBeVisible();
    await expect(figure.locator("svg.recharts-surface")).toBeVisible();
  }
  const mostWatched = page.getByRole("region", { name: "Most watched" });
  for (const movie of items) await expect(mostWatched.getByRole("link", { name: movie.title })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Last year" }).click();
  await expect(page).toHaveURL(/timeframe=year/);
  await expect(page.getByRole("link", { name: "Last year" })).toHaveAttribute("aria-current", "page");
});
