import { Secret, TOTP } from "otpauth";
import { createAccount, expect, signInBrowser, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

test("two-factor sign-in: turned on at /account/security, then asked for after the password", async ({ page, request }) => {
  const account = await createAccount(request, "basic");
  await signInBrowser(page, account, "/account/security");
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code of the two-factor secret" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  await page.getByLabel("Code from the app").fill(totp.generate());
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "Done: I have saved my codes" }).click();
  await expect(page.getByText(/On\. 10 of 10 recovery codes unused\./)).toBeVisible();

  await page.getByRole("button", { name: /account menu|profile menu/i }).click();
  await page.getByRole("button", { name: "Sign out of NormFlix" }).click();
  await expect(page).toHaveURL(/\/$/);

  const signIn = new SignInPage(page);
  await signIn.goto("/account/security");
  await signIn.signIn(account.username, account.password);
  // The password alone does not sign in: the form asks for the code.
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  await code.fill("000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.error()).toContainText("not valid");
  // The code that turned it on was spent: the next period's code (accepted within one step) signs in.
  await page.getByLabel("Authentication code").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByText(/On\. 10 of 10 recovery codes unused\./)).toBeVisible();
  await expect(page.getByRole("list", { name: "Recent security events" })).toContainText("Two-factor sign-in turned on");
});
