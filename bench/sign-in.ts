import type { Page } from "@playwright/test";

/** Signs `page` in through the site's form and picks `profile` on "Who's watching", as a viewer does. */
export async function signInThroughSite(page: Page, username: string, password: string, profile: string) {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await page.goto("/profiles");
  await page.getByRole("button", { name: profile, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/profiles"));
}
