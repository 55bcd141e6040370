import fs from "node:fs";
import { createAccount, createProfile, expect, signInBrowser, test, uniqueName } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { ProfilesPage } from "./pages/profiles-page";
import { SignUpPage } from "./pages/sign-up-page";

test("a new member signs up, chooses a plan, creates two profiles and signs another device out", async ({ page, request }) => {
  test.setTimeout(120_000); // a dozen page loads: about a minute on a busy two-core machine
  const username = uniqueName("new");
  const password = "a long enough secret";

  // Sign up from the plans page: the chosen plan is waiting on the account page.
  await new SignUpPage(page).signUpFromPlans("Standard", { username, email: `${username}@example.com`, password });
  await expect(page.getByText(`Welcome to NormFlix, ${username}!`)).toBeVisible();

  const account = new AccountPage(page);
  await account.chooseFirstPlan("Standard");

  // Two profiles, one of them for kids: the first straight after the plan, then home.
  const profiles = new ProfilesPage(page);
  await profiles.add("Ada", { avatar: "Penguin", first: true });
  await expect(page).toHaveURL(/\/browse$/);
  await profiles.add("Kit", { kids: true, rating: "PG" });
  await account.goto();
  await expect(page.getByText(/Standard · \$15\.49 \/ month/)).toBeVisible();
  await profiles.goto();
  await expect(profiles.profile("Ada")).toBeVisible();
  await expect(profiles.profile("Kit")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: profiles.profile("Kit") }).getByText("Kids")).toBeVisible();
  const listed = await (await request.post("/api/accounts/token", { data: { username, password } })).json();
  const kit = (await (await request.get("/api/profiles", { headers: { authorization: `Bearer ${listed.bearer_token}` } })).json()).items.find(
    (p: { name: string }) => p.name === "Kit",
  );
  expect(kit).toMatchObject({ kids: true, maturity_rating: "PG" });
  // The picture chosen is the one the API reports and the one shown in the picker and, once chosen, the header.
  const ada = (await (await request.get("/api/profiles", { headers: { authorization: `Bearer ${listed.bearer_token}` } })).json()).items.find(
    (p: { name: string }) => p.name === "Ada",
  );
  expect(ada.avatar).toBe("penguin");
  await expect(profiles.profile("Ada").locator("img")).toHaveAttribute("src", "/avatars/penguin.svg");
  expect(await profiles.profile("Kit").locator("img").getAttribute("src")).not.toBe("/avatars/penguin.svg");
  await profiles.profile("Ada").click();
  await expect(page.getByRole("banner").locator('img[src="/avatars/penguin.svg"]').first()).toBeVisible();

  // The token made above is another device; sign it out from the account page.
  await account.goto();
  await expect(account.devices()).toHaveCount(2);
  const apiDevice = account.devices().filter({ hasText: "API token" });
  await apiDevice.getByRole("button", { name: "Sign out" }).click();
  await expect(account.devices()).toHaveCount(1);
  await expect(account.devices().first()).toContainText("This browser");
  const me = await request.get("/api/accounts/me", { headers: { authorization: `Bearer ${listed.bearer_token}` } });
  expect(me.status()).toBe(403);
});

test("a full plan offers an upgrade instead of another profile", async ({ page, request }) => {
  const member = await createAccount(request, "basic");
  await createProfile(request, member.token, "One");
  await createProfile(request, member.token, "Two");
  await signInBrowser(page, member);

  const profiles = new ProfilesPage(page);
  await profiles.goto();
  await expect(page.getByRole("link", { name: "Add profile" })).toHaveCount(0);
  await expect(page.getByRole("note")).toContainText("Basic plan includes 2 profiles");
  await page.getByRole("link", { name: "Upgrade plan" }).click();
  await expect(page).toHaveURL(/\/account#plan$/);

  await new AccountPage(page).choosePlan("Premium");
  await profiles.add("Three");
  await expect(page.getByText("3 of 5 profiles")).toBeVisible();
});

test("a PIN-protected profile asks for its PIN before it can be chosen", async ({ page, request }) => {
  const member = await createAccount(request, "standard");
  await createProfile(request, member.token, "Parent");
  await createProfile(request, member.token, "Child");
  await signInBrowser(page, member);

  const profiles = new ProfilesPage(page);
  await profiles.setPin("Parent", "4321", member.password);
  await profiles.goto();
  await expect(page.getByText("PIN protected")).toBeVisible();
  await profiles.profile("Parent").click();
  await expect(page.getByLabel(/Enter your PIN to watch as Parent/)).toBeFocused();

  await profiles.enterPin("1111");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That PIN is not right. Try again.");
  await profiles.enterPin("4321");
  await expect(page).toHaveURL(/\/browse$/);
  await page.goto("/plans");
  await expect(page.getByRole("button", { name: "Profile menu for Parent" })).toBeVisible();

  // Switching to a profile without a PIN from the profile menu needs nothing more.
  await page.getByRole("button", { name: "Profile menu for Parent" }).click();
  await page.getByRole("list", { name: "Switch to" }).getByRole("button", { name: "Child" }).click();
  await expect(page).toHaveURL(/\/browse$/);
  await page.goto("/plans");
  await expect(page.getByRole("button", { name: "Profile menu for Child" })).toBeVisible();
});

test("changing the password signs every other browser out", async ({ page, browser, request }) => {
  const member = await createAccount(request, "standard");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInBrowser(otherPage, member);
  await signInBrowser(page, member);

  const account = new AccountPage(page);
  await account.goto();
  const form = await account.changePassword(member.password, "a completely new secret");
  await expect(form.getByRole("status")).toContainText("other devices were signed out");

  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await other.close();
});

test("a member cancels and restarts their membership from the account page", async ({ page, request }) => {
  const member = await createAccount(request, "premium");
  await signInBrowser(page, member);
  const account = new AccountPage(page);
  await account.goto();

  await page.getByText("Cancel membership", { exact: true }).first().click();
  const cancel = page.getByRole("form", { name: "Cancel membership" });
  await cancel.getByRole("button", { name: "Cancel membership" }).click();
  await expect(cancel.getByText("Tick the box to confirm.")).toBeVisible();
  await cancel.getByLabel("When should it end?").selectOption("now");
  await cancel.getByLabel("Yes, cancel my membership").check();
  await cancel.getByRole("button", { name: "Cancel membership" }).click();
  await expect(page.getByText("Your membership is cancelled. Choose one to start watching.")).toBeVisible();
  const me = await request.get("/api/accounts/me", { headers: { authorization: `Bearer ${member.token}` } });
  expect((await me.json()).subscription.status).toBe("canceled");

  await account.choosePlan("Premium");
  await expect(page.getByText(/Premium · \$22\.99 \/ month/)).toBeVisible();
});

test("an account holder downloads their data, then deletes the account with the password", async ({ page, request, viewer }) => {
  await page.goto("/account");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download your data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("normflix-account.json");
  const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(exported.account.username).toBe(viewer.username);
  expect(exported.tables.profiles.map((p: { name: string }) => p.name)).toEqual([viewer.profile]);

  const form = page.getByRole("form", { name: "Delete your account" });
  await form.getByLabel("Password").fill("not my password");
  await form.getByLabel("I understand that this cannot be undone").check();
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(form.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/account$/);
  expect((await request.get("/api/accounts/me", { headers: { authorization: `Bearer ${viewer.token}` } })).status()).toBe(200);

  await form.getByLabel("Password").fill(viewer.password);
  await form.getByLabel("I understand that this cannot be undone").check();
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  const signIn = await request.post("/api/accounts/token", { data: { username: viewer.username, password: viewer.password } });
  expect(signIn.status()).toBe(401);
  expect((await request.get("/api/accounts/me", { headers: { authorization: `Bearer ${viewer.token}` } })).status()).toBe(403);
});
