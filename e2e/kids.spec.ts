// Kids profiles and a new member's first steps, in the browser: the kids home (bigger artwork, only what the profile
// may watch, on desktop and phone), the PIN asked when leaving a kids profile for a locked one, the lock offered and
// suggested on "Add profile", and sign-up → plan → first profile → back to the title the visitor wanted.
import type { APIRequestContext, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { listTitles, setProfile, type Item } from "./catalog-helpers";
import { chooseProfile, createAccount, createProfile, expect, signInBrowser, test, uniqueName } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { BrowsePage } from "./pages/browse-page";
import { ProfilesPage } from "./pages/profiles-page";
import { SignUpPage } from "./pages/sign-up-page";
import { TitlePage } from "./pages/title-page";

test.describe.configure({ timeout: 180_000 });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Every title a kids profile at the default rating (TV-Y7: level 1) may see, by id. */
async function kidsTitleIds(request: APIRequestContext): Promise<Set<string>> {
  const [movies, shows] = await Promise.all([listTitles(request, "movies", "&max_maturity_rating=PG"), listTitles(request, "shows", "&max_maturity_rating=TV-Y7")]);
  return new Set([...movies, ...shows].map((item) => item.id));
}

/** The width of the first card of the first row on the page. */
async function firstCardWidth(page: Page): Promise<number> {
  const box = await page.locator("section[aria-labelledby^='row-'] [data-title-card]").first().boundingBox();
  return box!.width;
}

for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
  test(`the kids home (${device}): bigger artwork, kids rows, nothing above the profile's rating, hero included`, async ({ page, request, account }) => {
    await page.setViewportSize(viewport);
    const allowed = await kidsTitleIds(request);
    const mature = (await listTitles(request, "movies", "&maturity_rating=R"))[0];
    await createProfile(request, account.token, "Grown-up");
    await createProfile(request, account.token, "Kids");
    await setProfile(request, account.token, "Kids", { kids: true });
    await signInBrowser(page, account);

    // The grown-up home first, for the artwork size to compare with.
    await chooseProfile(page, "Grown-up");
    const browse = new BrowsePage(page);
    await browse.goto();
    await browse.waitForRows();
    const grownUpCard = await firstCardWidth(page);

    await page.goto("/profiles");
    await chooseProfile(page, "Kids");
    await browse.goto();
    await browse.waitForRows();
    await expect(page.locator("[data-kids-home]")).toBeVisible();
    await expect(browse.row("Favourites for Kids")).toBeVisible();
    await expect(browse.row("Rent or buy")).toHaveCount(0);
    await expect(browse.row("Trending Now")).toHaveCount(0);
    expect(await page.locator("[data-row-size='large']").count()).toBeGreaterThan(1);
    expect(await firstCardWidth(page)).toBeGreaterThan(grownUpCard * 1.3);

    // Every card and the hero are titles the kids profile may watch; its backdrop is the hero title's own.
    const cards = await page.locator("[data-title-card]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-title-card")!));
    expect(cards.length).toBeGreaterThan(3);
    for (const id of cards) expect(allowed.has(id), `card ${id}`).toBe(true);
    const heroLink = page.locator("[data-hero-slide]").getByRole("link", { name: /More info/ });
    const heroId = (await heroLink.getAttribute("href"))!.split("/").at(-1)!;
    expect(allowed.has(heroId)).toBe(true);
    const backdrops = await page.locator("[data-hero-slide] img").evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
    const heroKind = (await heroLink.getAttribute("href"))!.includes("/movie/") ? "movies" : "shows";
    const hero = (await (await request.get(`/api/${heroKind}/${heroId}`)).json()) as { backdrop_url?: string };
    if (hero.backdrop_url) for (const src of backdrops) expect(src).toContain(hero.backdrop_url);

    // Nothing spills sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await expectAccessible(page);

    // Search finds nothing mature, and a mature title's page names nothing.
    await page.goto(`/search?q=${encodeURIComponent(mature.title)}`);
    await expect(page.locator(`[data-title-card="${mature.id}"]`)).toHaveCount(0);
    const title = new TitlePage(page);
    expect((await title.goto("movie", mature.id))?.status()).toBe(404);
    await expect(title.notFoundHeading()).toBeVisible();
    await expect(page.getByText(/not available on this profile/i).first()).toBeVisible();
    expect(await page.title()).not.toContain(mature.title);
    const metas = await page.locator("meta[property^='og:'], meta[name^='twitter:'], meta[name='description']").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("content") ?? ""));
    for (const content of metas) expect(content).not.toContain(mature.title);
    await expect(page.getByText(mature.title)).toHaveCount(0);
  });
}

test("leaving a kids profile asks for the PIN of the locked profile being entered", async ({ page, request, account }) => {
  await page.setViewportSize(DESKTOP);
  await createProfile(request, account.token, "Dad");
  await setProfile(request, account.token, "Dad", { pin: "2468" });
  await createProfile(request, account.token, "Pip");
  await setProfile(request, account.token, "Pip", { kids: true });
  await signInBrowser(page, account);
  await chooseProfile(page, "Pip");

  // From the profile menu.
  await page.getByRole("button", { name: "Profile menu for Pip" }).click();
  await page.getByRole("list", { name: "Switch to" }).getByRole("button", { name: "Dad" }).click();
  await expect(page.getByText("Enter your PIN to watch as")).toBeVisible();
  const profiles = new ProfilesPage(page);
  await profiles.enterPin("1111");
  await expect(page.locator("#pin-error")).toHaveText("That PIN is not right. Try again.");
  // Still the kids profile: its home is the kids home.
  await page.goto("/browse");
  await expect(page.locator("[data-kids-home]")).toBeVisible();

  // From "Who's watching?": no way to manage profiles from the kids browser, and Dad's tile asks for his PIN.
  await profiles.goto();
  await expect(page.getByRole("link", { name: "Manage profiles" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add profile" })).toHaveCount(0);
  await profiles.profile("Dad").click();
  await expect(page.getByText("Enter your PIN to watch as")).toBeVisible();
  await profiles.enterPin("2468");
  await expect(page).toHaveURL(/\/browse$/);
  await expect(page.getByRole("button", { name: "Profile menu for Dad" })).toBeVisible();
  await expect(page.locator("[data-kids-home]")).toHaveCount(0);
});

test("Add profile offers the lock, and suggests it once the account has a kids profile", async ({ page, request, account }) => {
  await page.setViewportSize(DESKTOP);
  await createProfile(request, account.token, "Sam");
  await signInBrowser(page, account);
  await chooseProfile(page, "Sam");

  const profiles = new ProfilesPage(page);
  await page.goto("/profiles/new");
  const form = page.getByRole("form", { name: "Add profile" });
  await expect(form.getByLabel("PIN", { exact: true })).toBeVisible();
  await expect(page.getByText(/Lock grown-up profiles with a PIN/)).toHaveCount(0);
  await profiles.add("Pip", { kids: true });

  await page.goto("/profiles/new");
  await expect(page.getByText("This account has a kids profile. Lock grown-up profiles with a PIN so kids can't switch into them.")).toBeVisible();
  await expectAccessible(page);
  // A PIN needs the account password, as on the edit page.
  await form.getByLabel("Name").fill("Dad");
  await form.getByLabel("PIN", { exact: true }).fill("1234");
  await form.getByLabel("Account password").fill("not the password");
  await form.getByRole("button", { name: "Add profile" }).click();
  await expect(form.getByText("Your current password is incorrect.")).toBeVisible();
  await profiles.add("Dad", { pin: "1234", password: account.password });

  const listed = (await (await request.get("/api/profiles", { headers: { authorization: `Bearer ${account.token}` } })).json()).items as {
    name: string;
    kids: boolean;
    maturity_rating: string;
    has_pin: boolean;
  }[];
  expect(listed.map((p) => [p.name, p.kids, p.maturity_rating, p.has_pin])).toEqual([
    ["Sam", false, "NC-17", false],
    ["Pip", true, "TV-Y7", false],
    ["Dad", false, "NC-17", true],
  ]);

  // Pip's kids controls, on the profile's settings page.
  await profiles.edit("Pip");
  const controls = page.getByRole("form", { name: "Kids controls" });
  await controls.getByLabel("Horror").check();
  await controls.getByLabel("Daily viewing limit (minutes)").fill("0");
  await controls.getByRole("button", { name: "Save kids controls" }).click();
  await expect(controls.getByText("At least 1 minute.")).toBeVisible();
  await controls.getByLabel("Daily viewing limit (minutes)").fill("30");
  await controls.getByRole("button", { name: "Save kids controls" }).click();
  await expect(controls.getByRole("status")).toHaveText("Kids controls saved.");
  const pip = (await (await request.get("/api/profiles", { headers: { authorization: `Bearer ${account.token}` } })).json()).items[1];
  expect(pip).toMatchObject({ name: "Pip", blocked_genres: ["horror"], daily_limit_minutes: 30 });
  await page.reload();
  await expect(controls.getByLabel("Horror")).toBeChecked();
  await expect(controls.getByLabel("Daily viewing limit (minutes)")).toHaveValue("30");
});

test("a visitor signs up from a title, chooses a plan, creates a first profile and lands back on the title", async ({ page, request }) => {
  await page.setViewportSize(DESKTOP);
  const movie = (await listTitles(request, "movies")).find((m: Item) => m.access === "subscription")!;
  const username = uniqueName("onboard");
  const password = "a long enough secret";

  await page.goto(`/title/movie/${movie.id}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=/);
  await new SignUpPage(page).signUp({ username, email: `${username}@example.com`, password });
  await expect(page).toHaveURL(new RegExp(`/account\\?welcome=1&next=${encodeURIComponent(`/title/movie/${movie.id}`)}#plan$`));

  await new AccountPage(page).chooseFirstPlan("Standard");
  // Pre-filled with the account's name.
  const form = page.getByRole("form", { name: "Create your profile" });
  await expect(form.getByLabel("Name")).toHaveValue(username);
  await expectAccessible(page);
  await form.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/title/movie/${movie.id}$`));
  await expect(new TitlePage(page).heading()).toHaveText(movie.title);
  await expect(page.getByRole("button", { name: `Profile menu for ${username}` })).toBeVisible();
});

test("sign-up refuses an off-site return address, and \"Who's watching?\" has no links that bounce back", async ({ page, request }) => {
  await page.setViewportSize(DESKTOP);
  const username = uniqueName("offsite");
  await page.goto(`/signup?callbackUrl=${encodeURIComponent("https://evil.example/steal")}`);
  await new SignUpPage(page).signUp({ username, email: `${username}@example.com`, password: "a long enough secret" });
  await expect(page).toHaveURL(/\/account\?welcome=1#plan$/);
  await page.goto(`/signup?callbackUrl=${encodeURIComponent("//evil.example")}`);
  expect(new URL(page.url()).host).toBe(new URL(process.env.E2E_BASE_URL!).host);

  const member = await createAccount(request, "standard");
  await createProfile(request, member.token, "One");
  await createProfile(request, member.token, "Two");
  const other = await page.context().browser()!.newContext({ baseURL: process.env.E2E_BASE_URL });
  const fresh = await other.newPage();
  await signInBrowser(fresh, member);
  await fresh.goto("/profiles");
  await expect(fresh.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
  await expect(fresh.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  const hrefs = await fresh.locator("a[href^='/']").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")!))]);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs.filter((h) => new URL(h, "http://x").pathname !== "/profiles")) {
    await fresh.goto(href);
    expect(new URL(fresh.url()).pathname, `${href} bounced back`).not.toBe("/profiles");
  }
  await other.close();
});
