import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createProfile, expect, signInBrowser, test } from "./fixtures";

// No serious or critical axe-core violations (WCAG 2.1 A/AA rules) on the account screens.
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("signed-out pages: sign-in, sign-up and plans", async ({ page }) => {
  for (const path of ["/signin", "/signup", "/plans", "/"]) {
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
