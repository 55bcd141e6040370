// Curated home rows in a browser, on a server of its own (a fresh PostgreSQL database with TEST_DATABASE_URL) with the demo catalog's metadata (its collections and
// featured titles included; the first account signed up there is the admin): the admin creates a collection with the
// title picker, orders it and publishes it, and features a title from its admin page; a viewer's home, on a phone-sized
// screen, then shows the collection's row and the title's slide in the hero carousel, whose buttons and arrow keys
// move between the featured titles.
import fs from "node:fs";
import { expect as baseExpect, test as base, type Page } from "@playwright/test";
import { createTestDatabase, startServer, tempDataDir } from "../test/server-process";
import { createProfile, signUpAt } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

// Four engineers share two cores with this server: sign-in (argon2) and server actions get more time than usual.
const expect = baseExpect.configure({ timeout: 30_000 });

type Account = { username: string; password: string; token: string };

const test = base.extend<{}, { curatedServer: { url: string; admin: Account; viewer: Account } }>({
  curatedServer: [
    async ({}, use) => {
      const dataDir = tempDataDir("e2e-collections");
      const database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
      const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: database?.url ?? "", DEMO_CATALOG: "metadata", WORKER_IN_PROCESS: "false", AUTH_SECRET: "" }, { startTimeoutMs: 240_000 });
      const admin = await signUpAt(server.url, "e2e_curator");
      const viewer = await signUpAt(server.url, "e2e_couch", "standard");
      await use({ url: server.url, admin, viewer });
      await server.stop();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 300_000 },
  ],
  baseURL: async ({ curatedServer }, use) => use(curatedServer.url),
});

async function signIn(page: Page, account: Account, callbackUrl: string) {
  const form = new SignInPage(page);
  await form.goto(callbackUrl);
  await form.signIn(account.username, account.password);
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 60_000 });
}

async function addTitle(page: Page, search: string, title: string) {
  await page.getByLabel("Add a movie or show").fill(search);
  await page.getByRole("button", { name: `Add ${title}`, exact: true }).click();
}

test("an admin's collection and featured title reach a viewer's home: the row, the hero slide, the carousel's buttons", async ({ page, browser, curatedServer }) => {
  test.setTimeout(240_000);
  // The admin makes a collection, fills it with the title picker, puts it in order and publishes it.
  await signIn(page, curatedServer.admin, "/admin/collections");
  await page.getByLabel("Title", { exact: true }).fill("Editors' Picks");
  await page.getByLabel("Slug").fill("editors-picks");
  await page.getByLabel("Position").fill("0");
  await page.getByLabel("Published").check();
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page).toHaveURL(/\/admin\/collections\/[0-9a-f-]{36}$/);
  await addTitle(page, "moonlight", "Moonlight Laundromat");
  await addTitle(page, "hollow pines", "Hollow Pines");
  await page.getByRole("button", { name: "Move Hollow Pines up" }).click();
  await expect(page.getByTestId("listed-title")).toHaveText([/Hollow Pines/, /Moonlight Laundromat/]);
  await page.getByRole("button", { name: "Save order" }).click();
  await expect(page.getByText("Titles saved.")).toBeVisible();

  // It features a title from the title's admin page (the demo catalog features four already).
  const { items } = await (await page.request.get("/api/movies?q=Dustwalker")).json();
  await page.goto(`/admin/titles/${items[0].id}`);
  await page.getByRole("button", { name: "Feature on home page" }).click();
  await expect(page.getByRole("button", { name: "Stop featuring" })).toBeVisible();

  // The viewer, on a phone-sized screen that asks for reduced motion (so the carousel stays where the test puts it).
  const context = await browser.newContext({ baseURL: curatedServer.url, viewport: { width: 390, height: 844 }, reducedMotion: "reduce" });
  const viewer = await context.newPage();
  await createProfile(viewer.request, curatedServer.viewer.token, "Couch");
  await signIn(viewer, curatedServer.viewer, "/profiles");
  await viewer.getByRole("button", { name: "Couch", exact: true }).click();
  await expect(viewer).not.toHaveURL(/\/profiles/);
  await viewer.goto("/browse");

  const row = viewer.getByRole("region", { name: "Editors' Picks", exact: true });
  await expect(row).toBeVisible();
  const cards = row.getByRole("listitem").getByRole("link");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAccessibleName(/Hollow Pines/);
  await expect(cards.nth(1)).toHaveAccessibleName(/Moonlight Laundromat/);
  await expect(viewer.getByRole("region", { name: "Award Winners", exact: true })).toBeVisible();

  const hero = viewer.locator("[data-hero]");
  const heading = hero.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("The Last Lighthouse of Vellmark");
  await expect(hero.getByRole("button", { name: /^Featured title \d of 5: Dustwalker$/ })).toBeVisible();

  const next = hero.getByRole("button", { name: "Next featured title" });
  await expect(next).toBeInViewport();
  await next.click();
  await expect(heading).toHaveText("Low Orbit");
  await expect(hero.getByRole("button", { name: "Featured title 2 of 5: Low Orbit" })).toHaveAttribute("aria-current", "true");
  // Keyboard: Enter on Next, then the arrow keys on the controls.
  await next.press("Enter");
  await expect(heading).toHaveText("Otters of the Ninth Kingdom");
  await next.press("ArrowLeft");
  await expect(heading).toHaveText("Low Orbit");
  await hero.getByRole("button", { name: /: Dustwalker$/ }).click();
  await expect(heading).toHaveText("Dustwalker");
  await expect(hero.getByRole("link", { name: "More info about Dustwalker" })).toBeVisible();
  await hero.getByRole("button", { name: "Previous featured title" }).click();
  await expect(heading).toHaveText("Signal from Hollowmere");

  // Nothing spills sideways on the phone; the collection has its own page.
  expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await row.getByRole("link", { name: "See all of Editors' Picks" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Editors' Picks" })).toBeVisible();
  await expect(viewer.locator("[data-collection] [data-title-card]")).toHaveCount(2);
  await context.close();
});
