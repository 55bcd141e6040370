// Billing beyond the plan switch in a browser, with the local provider, on a server of its own (its first account is
// the admin, who makes the coupon on /admin/coupons): a new member picks the yearly Standard plan with the coupon,
// sees the discounted price on /account, pauses, resumes and cancels at the end of the period.
import fs from "node:fs";
import { test as base } from "@playwright/test";
import { startServer, tempDataDir } from "../test/server-process";
import { createAccount, expect, signInBrowser } from "./fixtures";
import { AccountPage } from "./pages/account-page";

const test = base.extend<{}, { billingServer: { url: string; admin: { username: string; password: string } } }>({
  billingServer: [
    async ({ playwright }, use) => {
      const dataDir = tempDataDir("e2e-billing");
      const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "", DEMO_CATALOG: "off", AUTH_SECRET: "" });
      const request = await playwright.request.newContext({ baseURL: server.url });
      const admin = await createAccount(request);
      await request.dispose();
      await use({ url: server.url, admin });
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 120_000 },
  ],
  baseURL: async ({ billingServer }, use) => use(billingServer.url),
});

test("a new member picks yearly Standard with a coupon, sees the discounted price, pauses, resumes and cancels at the end of the period", async ({ page, browser, request, billingServer }) => {
  test.setTimeout(120_000);
  // The admin makes a 20% coupon for three months.
  const adminContext = await browser.newContext({ baseURL: billingServer.url });
  const adminPage = await adminContext.newPage();
  await signInBrowser(adminPage, billingServer.admin, "/admin/coupons");
  await expect(adminPage.getByRole("heading", { name: /Coupons/ })).toBeVisible();
  const form = adminPage.getByRole("form", { name: "New coupon" });
  await form.getByLabel("Code").fill("spring20");
  await form.getByLabel("Discount").fill("20");
  await form.getByLabel("Lasts").selectOption("repeating");
  await form.getByLabel("Months (for “Some months”)").fill("3");
  await form.getByLabel("Redemptions allowed (optional)").fill("10");
  await form.getByRole("button", { name: "Create coupon" }).click();
  await expect(form.getByRole("status")).toHaveText("Coupon SPRING20 created.");
  await expect(adminPage.getByRole("row").filter({ hasText: "SPRING20" })).toContainText("20% off");
  await adminContext.close();

  const member = await createAccount(request);
  const subscription = async () => (await (await request.get("/api/accounts/subscription", { headers: { authorization: `Bearer ${member.token}` } })).json());
  await signInBrowser(page, member, "/account");
  const account = new AccountPage(page);
  await account.goto();

  // Monthly prices first; the toggle shows the yearly ones with what they save.
  const standard = page.getByRole("list", { name: "Plans" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Standard" }) });
  await expect(standard.getByText("$15.49")).toBeVisible();
  await page.getByRole("navigation", { name: "Billing interval" }).getByRole("link", { name: "Yearly (save up to 17%)" }).click();
  await expect(page).toHaveURL(/interval=year/);
  await expect(standard.getByText("$154.90")).toBeVisible();
  await expect(standard.getByText("Save $30.98 a year (17%)")).toBeVisible();

  // A wrong code is refused on its field, and nothing changes.
  await account.plan().getByLabel("Coupon code (optional)").fill("WINTER99");
  await account.planButton("Standard").click();
  await expect(account.plan().getByText("The coupon WINTER99 does not exist.")).toBeVisible();
  expect((await subscription()).status).toBe("none");

  await account.plan().getByLabel("Coupon code (optional)").fill("spring20");
  await account.chooseFirstPlan("Standard");
  expect(await subscription()).toMatchObject({ plan: "standard", interval: "year", status: "active", discount: { code: "SPRING20", percent_off: 20 } });

  // 20% off $154.90 a year.
  await account.goto();
  await expect(page.getByText(/Standard · \$123\.92 \/ year/)).toBeVisible();
  await expect(page.getByText(/Coupon SPRING20: 20% off until /)).toBeVisible();

  // Pause for two months: watching is on hold until the date shown.
  await page.locator("#plan summary", { hasText: "Pause membership" }).click();
  const pause = page.getByRole("form", { name: "Pause membership" });
  await pause.getByLabel("Pause for").selectOption("2");
  await pause.getByRole("button", { name: "Pause membership" }).click();
  await expect(page.getByText("Membership paused")).toBeVisible();
  const paused = await subscription();
  expect(paused).toMatchObject({ status: "paused", has_access: false });
  const until = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(paused.paused_until));
  await expect(page.getByText(`you are not charged until ${until}`)).toBeVisible();

  await page.getByRole("button", { name: "Resume now" }).click();
  await expect(page.getByText("Membership paused")).toHaveCount(0);
  expect(await subscription()).toMatchObject({ status: "active", paused_until: null, has_access: true });

  // Cancelling keeps the year already paid for by default.
  await account.cancelMembership();
  await expect(page.getByText(/Your membership ends on /).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume membership" })).toBeVisible();
  expect(await subscription()).toMatchObject({ status: "active", cancel_at_period_end: true, has_access: true });
});
