// Renting with the local provider: a new user without a plan rents a rent_or_buy demo movie (which no plan covers) from
// its title page, watches it, then sees the hours left on the title page and the rental on /account; a free title plays
// without a plan too.
import type { APIRequestContext } from "@playwright/test";
import { chooseProfile, createAccount, createProfile, expect, signInBrowser, test } from "./fixtures";
import { WatchPage } from "./pages/watch-page";

type Offer = { kind: "rent" | "buy"; price_cents: number; rental_hours?: number };

/** The first demo movie of this access whose video is ready (the catalog may still be transcoding on a first start). */
async function waitForMovie(request: APIRequestContext, access: string): Promise<{ id: string; title: string }> {
  for (const deadline = Date.now() + 10 * 60_000; ; ) {
    const { items } = await (await request.get("/api/movies?limit=100")).json();
    const ready = (items as { id: string; title: string; availability: string; access: string }[]).find((m) => m.access === access && m.availability === "ready");
    if (ready) return ready;
    if (Date.now() > deadline) throw new Error(`no ${access} demo movie became playable in time`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

test("a new user rents a movie, watches it, and sees the time left; a free title plays without a plan", async ({ page, request }) => {
  test.setTimeout(12 * 60_000);
  const [rentable, free] = [await waitForMovie(request, "rent_or_buy"), await waitForMovie(request, "free")];
  const offers: Offer[] = (await (await request.get(`/api/movies/${rentable.id}`)).json()).offers;
  const rent = offers.find((o) => o.kind === "rent")!;
  const rentText = `Rent for $${(rent.price_cents / 100).toFixed(2)} · ${rent.rental_hours} h to finish once you start`;

  const account = await createAccount(request);
  await createProfile(request, account.token, "Renter");
  await signInBrowser(page, account);
  await chooseProfile(page, "Renter");

  // Not in any plan: Rent and Buy take the Play button's place.
  await page.goto(`/title/movie/${rentable.id}`);
  await expect(page.getByRole("link", { name: `Play ${rentable.title}` })).toHaveCount(0);
  await page.getByRole("button", { name: `${rentText}: ${rentable.title}` }).click();
  await expect(page.getByTestId("ownership")).toHaveText(new RegExp(`^Rented · ${rent.rental_hours} h to finish once you start`));

  const watch = new WatchPage(page);
  await page.getByRole("link", { name: `Play ${rentable.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/watch/movie/${rentable.id}`));
  await watch.ensurePlaying();
  await watch.expectAdvancing(2);
  await watch.leave();

  // The window opened at the first stream: a little under the whole window is left.
  await page.goto(`/title/movie/${rentable.id}`);
  await expect(page.getByTestId("ownership")).toHaveText(`Rented · ${rent.rental_hours! - 1} h left`);
  await page.goto("/account");
  const rentals = page.getByRole("list", { name: "Rentals and purchases" });
  await expect(rentals.getByRole("listitem").filter({ hasText: rentable.title })).toContainText(`${rent.rental_hours! - 1} h left`);
  await expect(page.getByRole("table", { name: "Invoices, newest first" })).toContainText(`Rental: ${rentable.title}`);

  // Without a plan, one stream at a time: wait for the rental's lease to end (the player's keepalive DELETE).
  await expect
    .poll(async () => (await (await request.get("/api/streams", { headers: { authorization: `Bearer ${account.token}` } })).json()).items.length)
    .toBe(0);
  await page.goto(`/title/movie/${free.id}`);
  await page.getByRole("link", { name: `Play ${free.title}` }).click();
  await watch.ensurePlaying();
  await watch.expectAdvancing(2);
});
