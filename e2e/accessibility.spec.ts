import { expectAccessible } from "./axe";
import { createProfile, signInBrowser, test } from "./fixtures";

// No serious or critical axe-core violations on the account screens.
test("signed-out pages: sign-in, sign-up, password reset and plans", async ({ page }) => {
  for (const path of ["/signin", "/signup", "/forgot-password", "/reset-password?token=nfr_spent", "/plans", "/"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test("signed-in pages: profiles, account and plans", async ({ page, request, account }) => {
  await createProfile(request, account.token, "Ada");
  await signInBrowser(page, account);
  for (const path of ["/profiles", "/profiles/manage", "/profiles/new", "/profiles/Ada/edit", "/account", "/plans"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});
