// The whole first evening of a new member, through the site like a person: sign up with a plan, make a grown-up and
// a kids profile, find a movie by a misspelt search, watch it, come back to it from Continue Watching, sign a lost
// device out, and check the kids profile cannot reach an R-rated title. The API is used only to read the catalog and
// to stand in for that second device.
import { expectMovieHidden, listTitles, type Item } from "./catalog-helpers";
import { chooseProfile, expect, test, uniqueName, waitForPlayableMovie } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { BrowsePage } from "./pages/browse-page";
import { ProfilesPage } from "./pages/profiles-page";
import { misspell, SearchPage } from "./pages/search-page";
import { SignUpPage } from "./pages/sign-up-page";
import { TitlePage } from "./pages/title-page";
import { WatchPage } from "./pages/watch-page";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const longestWord = (title: string) => Math.max(...title.split(/\s+/).map((w) => w.length));

test("a new member signs up, watches a movie found by a misspelt search, resumes it, and the kids profile stays safe", async ({ page, request }) => {
  // The demo catalog may still be transcoding on a first start; every step is bounded on its own.
  test.setTimeout(15 * 60_000);
  const username = uniqueName("journey");
  const password = "a long enough secret";

  // 1. Sign up from the plans page with Standard, and confirm the plan on the account page.
  await new SignUpPage(page).signUpFromPlans("Standard", { username, email: `${username}@example.com`, password });
  const account = new AccountPage(page);
  await account.chooseFirstPlan("Standard");

  // 2. Two profiles: a grown-up and a kids one.
  const profiles = new ProfilesPage(page);
  await profiles.add("Sam", { first: true });
  await expect(page).toHaveURL(/\/browse$/);
  await profiles.add("Pip", { kids: true, rating: "PG" });
  await profiles.goto();
  await expect(page.getByRole("listitem").filter({ has: profiles.profile("Pip") }).getByText("Kids")).toBeVisible();
  await chooseProfile(page, "Sam");

  // 3. Browse, then search for a playable movie with a typo.
  const browse = new BrowsePage(page);
  await browse.goto();
  await browse.waitForRows();
  await waitForPlayableMovie(request);
  const movies = await listTitles(request, "movies");
  // One the plan covers: a rent-or-buy or early-access title has Rent / Buy where Play would be.
  const movie = movies.find((m) => m.availability === "ready" && m.access === "subscription" && longestWord(m.title) >= 7);
  expect(movie, "a playable demo movie in the plan, with a long word in its title").toBeDefined();
  const { id, title } = movie as Item;

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search", exact: true }).click();
  const search = new SearchPage(page);
  await expect(search.input()).toBeVisible();
  const query = misspell(title);
  expect(title.toLowerCase()).not.toContain(query.toLowerCase());
  await search.type(query);
  const result = search.group("Movies").getByRole("link", { name: new RegExp(`^${escape(title)}`) });
  await expect(result).toBeVisible();
  await result.click();

  // 4. The title page, then play: the video's clock moves.
  const titlePage = new TitlePage(page);
  await expect(titlePage.heading()).toHaveText(title);
  await page.getByRole("link", { name: `Play ${title}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/watch/movie/${id}$`));
  const player = new WatchPage(page);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await player.ensurePlaying();
  await player.expectAdvancing(4);
  const stoppedAt = await player.pause();
  expect(stoppedAt).toBeGreaterThan(4);

  // 5. Leave; Continue Watching on the browse page has the movie with how far it got (the last write is sent as the
  //    player unmounts, so the first render may predate it).
  await player.leave();
  const row = browse.row("Continue Watching");
  await expect(async () => {
    await browse.goto();
    await expect(row.getByRole("link", { name: `Resume ${title}` })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.getByRole("link", { name: `Resume ${title}` })).toHaveAttribute("href", `/watch/movie/${id}`);
  const bar = row.getByRole("progressbar", { name: new RegExp(`^${escape(title)}: \\d+% watched$`) });
  await expect(bar).toBeVisible();
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(90);

  // 6. Another device (a token, as the TV app would hold) is signed out from the account page, and is refused after.
  const other = await request.post("/api/accounts/token", { data: { username, password } });
  expect(other.status()).toBe(200);
  const otherToken = (await other.json()).bearer_token as string;
  const asOther = { headers: { authorization: `Bearer ${otherToken}` } };
  expect((await request.get("/api/accounts/me", asOther)).status()).toBe(200);
  await account.goto();
  await expect(account.devices()).toHaveCount(2);
  await account.devices().filter({ hasText: "API token" }).getByRole("button", { name: "Sign out" }).click();
  await expect(account.devices()).toHaveCount(1);
  await expect(account.devices().first()).toContainText("This browser");
  expect((await request.get("/api/accounts/me", asOther)).status()).toBe(403);

  // 7. An R-rated title: the grown-up finds it by search (so the checks below can fail)…
  const rated = movies.filter((m) => m.maturity_rating === "R");
  expect(rated.length).toBeGreaterThan(0);
  const r = rated.find((m) => m.id === id) ?? rated[0];
  await search.goto(r.title);
  await expect(search.group("Movies").locator(`[data-title-card="${r.id}"]`)).toBeVisible();

  // …the kids profile, chosen from the profile menu, finds it in no row, not in search, and its page is a 404.
  await page.getByRole("button", { name: "Profile menu for Sam" }).click();
  await page.getByRole("list", { name: "Switch to" }).getByRole("button", { name: "Pip" }).click();
  await expect(page).toHaveURL(/\/browse$/);
  await browse.waitForRows();
  await expect(page.getByRole("button", { name: "Profile menu for Pip" })).toBeVisible();
  expect(await page.locator("[data-title-card]").count()).toBeGreaterThan(5);
  for (const m of rated) await expect(browse.cardsFor(m.id)).toHaveCount(0);
  // Progress is per profile: the grown-up's movie is not the kid's to resume.
  await expect(browse.row("Continue Watching")).toHaveCount(0);

  await expectMovieHidden(page, r);

  // 8. Nor can it change the account: its menu has no Account, and the page (linked from the footer too) asks for a
  // grown-up profile first.
  await page.getByRole("button", { name: "Profile menu for Pip" }).click();
  const menu = page.getByRole("banner");
  await expect(menu.getByRole("link", { name: "Switch profile" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Account", exact: true })).toHaveCount(0);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/profiles\?callbackUrl=%2Faccount&from=kids$/);
  await expect(page.getByRole("status")).toHaveText(/Choose a grown-up profile to continue/);
  await chooseProfile(page, "Sam");
  await expect(page).toHaveURL(/\/account$/);
});
