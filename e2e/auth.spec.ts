import { waitForLink, waitForResetLink } from "../test/mail";
import { createAccount, createProfile, expect, signInBrowser, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

test.describe("signing in", () => {
  test("an absolute or protocol-relative callbackUrl cannot send the browser elsewhere", async ({ page, request }) => {
    const account = await createAccount(request);
    await new SignInPage(page).goto("//evil.example/steal");
    await new SignInPage(page).signIn(account.username, account.password);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/profiles$/);
  });

  test("a protected page sends a signed-out visitor to sign-in and back", async ({ page, request }) => {
    const account = await createAccount(request, "standard");
    await createProfile(request, account.token, "Ada");

    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
    await new SignInPage(page).signIn(account.username, account.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();

    // Signing in without a destination leads to "Who's watching?".
    await page.context().clearCookies();
    await signInBrowser(page, account);
    await expect(page).toHaveURL(/\/profiles$/);
    await expect(page.getByRole("button", { name: "Ada", exact: true })).toBeVisible();
  });

  test("a wrong password is answered inline and keeps the username", async ({ page, request }) => {
    const account = await createAccount(request);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(account.username, "not the password");
    await expect(signIn.error()).toHaveText("The username or password is incorrect.");
    await expect(page.getByLabel("Username")).toHaveValue(account.username);
    await expect(page).toHaveURL(/\/signin/);
  });

  test("signing out ends the session's row: the old cookie no longer works", async ({ page, request }) => {
    const account = await createAccount(request, "basic");
    await signInBrowser(page, account);
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("authjs.session-token"));
    expect(session).toBeDefined();

    await page.getByRole("button", { name: /account menu|profile menu/i }).click();
    await page.getByRole("button", { name: "Sign out of NormFlix" }).click();
    await expect(page).toHaveURL(/\/$/);

    // Replaying the cookie from before the sign-out must not sign anyone in.
    const replay = await request.get("/api/accounts/me", { headers: { cookie: `${session!.name}=${session!.value}` } });
    expect(replay.status()).toBe(403);
  });
});

test.describe("a forgotten password", () => {
  test("is reset through the mailed link, which works once and signs every device out", async ({ page, browser, request }) => {
    const account = await createAccount(request, "basic");
    const otherDevice = await (await browser.newContext()).newPage();
    await signInBrowser(otherDevice, account);

    const signIn = new SignInPage(page);
    await signIn.goto();
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email address").fill(account.email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await expect(page.getByRole("status")).toContainText(`If an account uses ${account.email}, a link`);

    // The e2e server has no SMTP_URL: the message is in its DATA_DIR/mail. The link names APP_URL; open it here.
    const link = new URL(await waitForResetLink(process.env.E2E_DATA_DIR!, account.email));
    await page.goto(link.pathname + link.search);
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("Confirm new password").fill("a different one");
    await page.getByRole("button", { name: "Save password" }).click();
    await expect(page.getByText("The passwords do not match.")).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("Confirm new password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Save password" }).click();

    await expect(page).toHaveURL(/\/signin\?reset=1$/);
    await expect(page.getByRole("status")).toContainText("Your password was changed");
    await signIn.signIn(account.username, account.password);
    await expect(signIn.error()).toHaveText("The username or password is incorrect.");
    await signIn.signIn(account.username, "a brand new passphrase");
    await expect(page).toHaveURL(/\/profiles$/);

    await otherDevice.goto("/account");
    await expect(otherDevice).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
    await page.goto(link.pathname + link.search);
    await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  });
});

test.describe("an unconfirmed email address", () => {
  test("is asked for on every page until the mailed link confirms it", async ({ page, request }) => {
    const account = await createAccount(request, "basic");
    await signInBrowser(page, account);
    await page.goto("/account");
    const banner = page.getByRole("region", { name: "Confirm your email address" });
    await expect(banner).toContainText(`we sent a link to ${account.email}`);
    await expect(page.locator("#email")).toContainText("is not confirmed yet");
    // The sign-up's link went out a moment ago: another has to wait a minute.
    const link = new URL(await waitForLink(process.env.E2E_DATA_DIR!, account.email, "verify-email"));
    await banner.getByRole("button", { name: "Send the link again" }).click();
    await expect(banner.getByRole("alert")).toContainText("less than a minute ago");

    await page.goto(link.pathname + link.search);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByRole("status")).toHaveText(`Thanks: ${account.email} is confirmed.`);
    await page.goto("/account");
    await expect(page.locator("#email")).toContainText(`${account.email} is confirmed.`);
    await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);
  });
});

test.describe("the API with the site's session cookie", () => {
  test("reads work, and writes need a same-origin request", async ({ page, request, baseURL }) => {
    const account = await createAccount(request, "standard");
    await signInBrowser(page, account);

    const me = await page.request.get("/api/accounts/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).username).toBe(account.username);

    const crossSite = await page.request.post("/api/profiles/Mallory/new", { headers: { origin: "https://evil.example" } });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error.code).toBe("forbidden");
    const noOrigin = await page.request.post("/api/profiles/Mallory/new");
    expect(noOrigin.status()).toBe(403);

    const sameSite = await page.request.post("/api/profiles/Grace/new", { headers: { origin: new URL(baseURL!).origin } });
    expect(sameSite.status()).toBe(200);
    const profiles = await page.request.get("/api/profiles");
    expect((await profiles.json()).items.map((p: { name: string }) => p.name)).toEqual(["Grace"]);
  });
});
