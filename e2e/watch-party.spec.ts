// A watch party with two accounts in two browser contexts: the host starts it from the title page, the guest follows
// the invite link (signing in and picking a profile first) and lands in it; the host's play, pause and seek reach the
// guest's player, and the guest's chat message and reaction reach the host.
import { expect, type Page } from "@playwright/test";
import { chooseProfile, createAccount, createProfile, test, waitForPlayableMovie } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

const video = (page: Page) => page.locator("video");
const position = (page: Page) => video(page).evaluate((v: HTMLVideoElement) => v.currentTime);
const paused = (page: Page) => video(page).evaluate((v: HTMLVideoElement) => v.paused);
/**
 * How far apart the two players are while playing: each position is read with the time it was read at (one clock:
 * both pages run on this machine), and the later read is compared with the earlier one moved on by the time between.
 * Reading the two pages one after the other on a busy machine can take a second, which a plain difference would count.
 */
async function playingApart(a: Page, b: Page) {
  const read = (page: Page) => video(page).evaluate((v: HTMLVideoElement) => ({ position: v.currentTime, at: Date.now(), rate: v.playbackRate }));
  const [first, second] = [await read(a), await read(b)];
  return Math.abs(first.position + ((second.at - first.at) / 1000) * first.rate - second.position);
}

/** Signs in through the form; password hashing can take a while on a loaded machine, so the wait is generous. */
async function signInBrowser(page: Page, account: { username: string; password: string }, callbackUrl?: string) {
  const signIn = new SignInPage(page);
  await signIn.goto(callbackUrl);
  await signIn.signIn(account.username, account.password);
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 60_000 });
}

test("the host's play, pause and seek reach the other member; chat and a reaction arrive", async ({ page, browser, request }) => {
  test.setTimeout(12 * 60_000); // the demo catalog may still be transcoding on a first start
  const movie = await waitForPlayableMovie(request);

  const hostAccount = await createAccount(request, "standard");
  await createProfile(request, hostAccount.token, "Hosting");
  await signInBrowser(page, hostAccount);
  await chooseProfile(page, "Hosting");
  await page.goto(`/title/movie/${movie.id}`);
  await page.getByRole("button", { name: "Watch together" }).click();
  await expect(page).toHaveURL(/\/party\/[A-Z2-9]{6}$/, { timeout: 30_000 });
  const invite = await page.getByLabel("Invite link").inputValue();
  expect(invite).toMatch(/\/party\/[A-Z2-9]{6}$/);

  const guestContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const guest = await guestContext.newPage();
  const guestAccount = await createAccount(request, "standard");
  await createProfile(request, guestAccount.token, "Guesting");
  // The host invites the guest by username: the guest's notification links to the party.
  await page.getByLabel("Username to invite").fill(guestAccount.username);
  await page.getByRole("form", { name: "Invite a member" }).getByRole("button", { name: "Invite" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent" })).toHaveText(`Invitation sent to ${guestAccount.username}.`);
  const inbox = await (await request.get("/api/notifications?type=party_invite", { headers: { authorization: `Bearer ${guestAccount.token}` } })).json();
  expect(inbox.items.map((n: { title: string; url: string }) => [n.title, n.url])).toEqual([["Hosting invited you to a watch party", new URL(invite).pathname]]);
  // The invitation's link asks the signed-out guest to sign in and pick a profile, then goes straight into the party.
  await guest.goto(inbox.items[0].url);
  await expect(guest).toHaveURL(/\/signin/);
  await signInBrowser(guest, guestAccount, new URL(invite).pathname);
  await expect(guest).toHaveURL(/\/profiles\?callbackUrl=/, { timeout: 30_000 });
  await guest.getByRole("button", { name: "Guesting", exact: true }).click();
  await expect(guest).toHaveURL(new URL(invite).pathname, { timeout: 30_000 });
  const guestPanel = guest.getByRole("complementary", { name: "Watch party" });
  await expect(guestPanel.getByText("2 watching")).toBeVisible({ timeout: 30_000 });
  // The host sees the guest join, with the host's own "Make host" control next to it.
  await expect(page.getByRole("button", { name: "Make host Guesting" })).toBeVisible({ timeout: 30_000 });
  // Only the host has playback controls.
  await expect(guest.getByRole("button", { name: /^(Play|Pause) \(space\)$/ })).toHaveCount(0);

  // Play: the guest's video starts and runs alongside the host's.
  await page.mouse.move(200, 200);
  await page.getByRole("button", { name: "Play (space)" }).click();
  await expect.poll(() => paused(guest), { timeout: 20_000 }).toBe(false);
  await expect.poll(() => position(guest), { timeout: 20_000 }).toBeGreaterThan(2);
  await expect.poll(() => playingApart(page, guest), { timeout: 15_000 }).toBeLessThan(0.25);

  // Pause: both stop at the same place.
  await page.keyboard.press("Space");
  await expect.poll(() => paused(guest)).toBe(true);
  await expect.poll(async () => Math.abs((await position(page)) - (await position(guest)))).toBeLessThan(0.3);

  // Seek (← or → skips 10 s, whichever stays inside the 30 s clip): the guest jumps there too.
  const before = await position(guest);
  await page.keyboard.press(before > 15 ? "ArrowLeft" : "ArrowRight");
  await expect.poll(async () => Math.abs((await position(guest)) - before)).toBeGreaterThan(8);
  await expect.poll(async () => Math.abs((await position(page)) - (await position(guest)))).toBeLessThan(0.3);

  // Chat and a reaction from the guest reach the host.
  await guest.getByLabel("Message").fill("Hello from <b>the guest</b>");
  await guest.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("party-chat")).toContainText("Hello from <b>the guest</b>");
  await guest.getByRole("button", { name: "React 🎉" }).click();
  await expect(page.getByTestId("party-reactions")).toContainText("🎉");

  await guestContext.close();
});
