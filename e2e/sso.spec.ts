// Single sign-on in Chromium with the local OpenID provider the global setup starts (test/oidc-provider.ts): the
// provider's own login form, then back to the site. The login typed there says who the person is and whether the
// provider vouches for their address.
import { randomUUID } from "node:crypto";
import { identityLogin } from "../test/oidc-provider";
import { createAccount, expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

// Two sites, two sign-ins and argon2 hashing on a shared two-core machine busy transcoding the demo catalog.
test.describe.configure({ timeout: 120_000 });

/** From /signin through the provider's login page, as the person `login` names. */
async function signInWithProvider(page: Page, login: string) {
  await page.goto("/signin?callbackUrl=%2Faccount%2Fsecurity");
  await page.getByRole("button", { name: "Continue with Test ID" }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a first sign-in with the provider makes an account, which lists its identity and the sign-in", async ({ page }) => {
  const email = `sso_${randomUUID().slice(0, 8)}@example.com`;
  await signInWithProvider(page, identityLogin({ subject: `sub-${randomUUID()}`, email, emailVerified: true, name: "Ada" }));
  await expect(page).toHaveURL(/\/account\/security$/);
  const identities = page.getByRole("list", { name: "Linked identities" });
  await expect(identities).toContainText("Test ID");
  await expect(identities).toContainText(email);
  await expect(page.getByRole("list", { name: "Recent security events" })).toContainText("Signed in with Test ID");
  // It is the account's only way in: unlinking is refused, and says why.
  await identities.getByRole("button", { name: "Unlink" }).click();
  await expect(identities.getByRole("alert")).toContainText("only way to sign in");
  await expect(identities).toContainText("Test ID");
});

test("a verified address an account uses is linked with that account's password, then unlinked", async ({ page, request }) => {
  const account = await createAccount(request);
  await signInWithProvider(page, identityLogin({ subject: `sub-${randomUUID()}`, email: account.email, emailVerified: true }));
  await expect(page).toHaveURL(/\/signin\/link\?request=/);
  await expect(page.getByRole("heading", { name: "Link Test ID to your account" })).toBeVisible();
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Link and sign in" }).click();
  await expect(page.getByText("That is not this account's password.")).toBeVisible();
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Link and sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/);

  await page.goto("/account/security");
  const identities = page.getByRole("list", { name: "Linked identities" });
  await expect(identities).toContainText(account.email);
  await expect(page.getByRole("list", { name: "Recent security events" })).toContainText("Linked a sign-in with Test ID");
  await identities.getByRole("button", { name: "Unlink" }).click();
  await expect(page.getByText("None linked.")).toBeVisible();
});

test("an unverified address an account uses does not sign in to it", async ({ page, request }) => {
  const account = await createAccount(request);
  await signInWithProvider(page, identityLogin({ subject: `sub-${randomUUID()}`, email: account.email, emailVerified: false }));
  await expect(page).toHaveURL(/\/signin\?error=identity_email_unverified/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("does not say the address is verified");
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/signin/);
});
