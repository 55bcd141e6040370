import { expectAccessible } from "./axe";
import { createProfile, signInBrowser, test } from "./fixtures";

// No serious or critical axe-core violations on the account screens. One test per page: an axe pass takes several
// seconds on a busy machine, and six of them in one test ran into the test timeout.
for (const path of ["/signin", "/signup", "/forgot-password", "/reset-password?token=nfr_spent", "/plans", "/"]) {
  test(`signed out: ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectAccessible(page);
  });
}

for (const path of ["/profiles", "/profiles/manage", "/profiles/new", "/profiles/Ada/edit", "/account", "/plans"]) {
  test(`signed in: ${path}`, async ({ page, request, account }) => {
    await createProfile(request, account.token, "Ada");
    await signInBrowser(page, account);
    await page.goto(path);
    await expectAccessible(page);
  });
}
