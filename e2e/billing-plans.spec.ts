// Billing beyond the plan switch on the account page, with the local provider (the shared server): yearly prices
// with their saving, pausing, resuming and cancelling at the end of the period.
import { createAccount, expect, signInBrowser, test } from "./fixtures";
import { AccountPage } from "./pages/account-page";

test("a new member picks yearly Standard, pauses, resumes and cancels at the end of the period", async ({ page, request }) => {
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
  await account.chooseFirstPlan("Standard");
  expect(await subscription()).toMatchObject({ plan: "standard", interval: "year", status: "active" });

  await account.goto();
  await expect(page.getByText(/Standard · \$154\.90 \/ year/)).toBeVisible();

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
