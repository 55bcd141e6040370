// The account page with Stripe billing: a NormFlix server of its own (this file starts it) talks to the fake Stripe of
// test/fake-stripe, whose webhooks are delivered signed by the real library. The fake has no browser-facing Checkout or
// portal page, so the test pays the Checkout session the way Stripe would and then follows its return URL.
import type { APIRequestContext, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { APP_URL, PRICES, startStripeApp, type StripeApp } from "../test/fake-stripe/app-server";
import { createAccount, expect, signInBrowser, test } from "./fixtures";
import { AccountPage } from "./pages/account-page";

type CheckoutSession = { id: string; status: string; mode: string; success_url: string; cancel_url: string; __price: string };

// One Stripe server per worker; pages of the Stripe tests come from it, not from the shared server.
const stripeTest = test.extend<object, { stripeApp: StripeApp }>({
  stripeApp: [
    async ({}, use) => {
      const started = await startStripeApp();
      await use(started);
      await started.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  baseURL: async ({ stripeApp }, use) => use(stripeApp.server.url),
});

let app: StripeApp;

stripeTest.describe("with Stripe", () => {
  stripeTest.describe.configure({ timeout: 120_000 });

  let api: APIRequestContext;
  stripeTest.beforeEach(async ({ playwright, stripeApp }) => {
    app = stripeApp;
    api = await playwright.request.newContext({ baseURL: app.server.url });
  });
  stripeTest.afterEach(() => api?.dispose());

  // APP_URL (where Stripe sends the browser back) is a public name for this server.
  const atServer = (url: string) => {
    expect(url.startsWith(`${APP_URL}/`)).toBe(true);
    return url.slice(APP_URL.length);
  };

  const longDate = (seconds: number) => new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(seconds * 1000));

  /** Delivers the webhooks of everything the fake recorded since `from`, as Stripe would. */
  async function deliverSince(from: number) {
    for (const event of app.fake.events.slice(from)) expect((await app.deliver(event)).status).toBe(200);
  }

  /** Clicks a plan button that leads to Checkout and returns the open session the browser was sent to. */
  async function goToCheckout(page: Page, account: AccountPage, plan: "Basic" | "Standard" | "Premium") {
    await account.planButton(plan).click();
    await page.waitForURL((url) => url.href.startsWith(`${app.fake.url}/checkout/`));
    const session = app.fake.checkoutSessions.get(new URL(page.url()).pathname.split("/").pop()!) as CheckoutSession;
    expect(session).toMatchObject({ status: "open", mode: "subscription" });
    return session;
  }

  /** Pays the Checkout session at the fake Stripe, follows its return URL and delivers the webhooks. */
  async function payAtCheckout(page: Page, session: CheckoutSession) {
    const from = app.fake.events.length;
    const subscription = app.fake.completeCheckout(session.id);
    // The return page stores the result and sends the browser on to the account page.
    const back = await api.get(atServer(session.success_url), { maxRedirects: 0 });
    expect(back.status()).toBe(303);
    await page.goto(atServer(back.headers().location));
    await deliverSince(from);
    return subscription;
  }

  async function newMember(page: Page) {
    const member = await createAccount(api);
    await signInBrowser(page, member, "/account");
    const account = new AccountPage(page);
    await account.goto();
    return { member, account };
  }

  stripeTest("a new member pays at Checkout, upgrades, schedules a downgrade, cancels and resumes; the history lists the invoices", async ({ page }) => {
    const { account } = await newMember(page);
    await expect(account.invoices()).toHaveCount(0);
    await expect(page.locator("#billing")).toContainText("No charges yet.");
    await expect(account.plan()).toContainText("You'll pay at secure checkout.");
    await expect(page.getByRole("button", { name: "Manage payment methods & invoices" })).toHaveCount(0);

    // Leaving Checkout without paying lands on the plans page, which shows Stripe's prices (Premium is $24.99 there).
    let session = await goToCheckout(page, account, "Standard");
    expect(session.__price).toBe(PRICES.standard);
    await page.goto(atServer(session.cancel_url));
    await expect(page).toHaveURL(/\/plans\?billing=canceled$/);
    await expect(page.getByText("Checkout was cancelled and you were not charged.")).toBeVisible();
    await expect(page.getByRole("cell", { name: "$24.99" })).toBeVisible();

    // Paying: back on the account page with the plan active.
    await account.goto();
    session = await goToCheckout(page, account, "Standard");
    const subscription = await payAtCheckout(page, session);
    await expect(page).toHaveURL(/\/account\?billing=success$/);
    await expect(page.getByRole("status").filter({ hasText: "Payment received" })).toContainText("Your membership is active");
    await expect(account.planSummary()).toHaveText(/Standard · \$15\.49 \/ month\s*Active/);
    const periodEnd = longDate(subscription.items.data[0].current_period_end);
    await expect(page.locator("#plan")).toContainText(`Renews on ${periodEnd}.`);
    await expect(account.invoices()).toHaveCount(1);
    await expect(account.invoices().first()).toContainText("$15.49");
    await expect(account.invoices().first()).toContainText("Paid");
    const view = account.invoices().first().getByRole("link", { name: /^View invoice of/ });
    expect(await view.getAttribute("href")).toMatch(new RegExp(`^${app.fake.url}/invoices/`));
    await expect(account.invoices().first().getByRole("link", { name: /PDF/ })).toHaveAttribute("href", /\/pdf$/);

    // Upgrade: at once, the prorated difference charged now (and invoiced).
    await expect(account.planButton("Premium").locator("..")).toContainText("you'll be charged the prorated difference now");
    let from = app.fake.events.length;
    await account.planButton("Premium").click();
    // First what it will charge: Stripe's invoice preview, nearly the whole month's difference (24.99 - 15.49).
    await expect(account.confirmation().getByRole("heading")).toHaveText("Change to Premium, billed monthly?");
    await expect(account.confirmation().getByRole("row", { name: /^Due today/ })).toContainText(/\$9\.(4\d|50)/);
    await expect(account.confirmation()).toContainText(`Then $24.99 every month, from ${periodEnd}.`);
    expect(app.fake.subscriptions.get(subscription.id)!.items.data[0].price.id).toBe(PRICES.standard);
    await account.confirmation().getByRole("button", { name: /^Confirm and pay \$9\.(4\d|50)$/ }).click();
    await expect(account.plan().getByRole("status")).toHaveText("You are on the Premium plan. You were charged the prorated difference now.");
    await expect(account.planSummary()).toHaveText(/Premium · \$24\.99 \/ month\s*Active/);
    await deliverSince(from);
    await page.reload();
    await expect(account.invoices()).toHaveCount(2);

    // Downgrade: from the end of the period, shown as scheduled, and taken back with "Keep Premium".
    await expect(account.planButton("Basic").locator("..")).toContainText(`Starts from ${periodEnd}`);
    await account.planButton("Basic").click();
    await expect(account.confirmation()).toContainText(`Nothing is charged today. You keep Premium until ${periodEnd}; Basic starts then.`);
    await account.confirmation().getByRole("button", { name: "Confirm change" }).click();
    await expect(account.plan().getByRole("status")).toHaveText(`Your plan changes to Basic from ${periodEnd}. You keep Premium until then.`);
    const scheduled = page.getByRole("form", { name: "Scheduled plan change" }).locator("..");
    await expect(scheduled).toContainText(`Changing to Basic ($7.99 / month) from ${periodEnd}. You keep Premium until then.`);
    await expect(account.planSummary()).toHaveText(/Premium · \$24\.99/);
    await expect(account.plan().getByText(`From ${periodEnd}`, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Keep Premium" }).click();
    await expect(page.getByRole("form", { name: "Scheduled plan change" })).toHaveCount(0);
    await expect(account.planButton("Basic")).toBeVisible();
    expect(app.fake.subscriptions.get(subscription.id)!.schedule).toBeNull();

    // Cancel: at the end of the period, with a way back until then.
    await expect(page.locator("#plan")).toContainText(`You keep watching until ${periodEnd}`);
    await account.cancelMembership();
    await expect(page.locator("#plan")).toContainText(`Your membership ends on ${periodEnd}.`);
    expect(app.fake.subscriptions.get(subscription.id)!.cancel_at_period_end).toBe(true);
    await page.getByRole("button", { name: "Resume membership" }).click();
    await expect(page.locator("#plan")).toContainText(`Renews on ${periodEnd}.`);
    await expect(page.getByRole("button", { name: "Resume membership" })).toHaveCount(0);
    expect(app.fake.subscriptions.get(subscription.id)!.cancel_at_period_end).toBe(false);

    // No serious or critical accessibility problems on the account page of a Stripe member.
    await expectAccessible(page);

    // Payment methods and invoices are managed in Stripe's Customer Portal.
    from = app.fake.requests.length;
    await page.getByRole("button", { name: "Manage payment methods & invoices" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${app.fake.url}/portal/`));
    expect(app.fake.requests.slice(from).some((r) => r.method === "POST" && r.path === "/v1/billing_portal/sessions")).toBe(true);
  });

  stripeTest("a declined card: the upgrade is refused inline, a failed renewal warns with the grace end and a way to fix it", async ({ page }) => {
    const { member, account } = await newMember(page);
    const subscription = await payAtCheckout(page, await goToCheckout(page, account, "Basic"));
    await expect(account.planSummary()).toHaveText(/Basic · \$7\.99 \/ month\s*Active/);
    const customer = app.fake.customersOfAccount((await (await api.get("/api/accounts/me", { headers: { authorization: `Bearer ${member.token}` } })).json()).id)[0].id;
    app.fake.declineCards(customer);

    await account.planButton("Standard").click();
    await account.confirmation().getByRole("button", { name: /^Confirm and pay/ }).click();
    await expect(account.plan().getByRole("alert")).toContainText("The payment for the upgrade was declined; your plan is unchanged.");
    await expect(account.planSummary()).toHaveText(/Basic · \$7\.99/);

    const from = app.fake.events.length;
    app.fake.reachPeriodEnd(subscription.id);
    await deliverSince(from);
    await account.goto();
    const me = await (await api.get("/api/accounts/me", { headers: { authorization: `Bearer ${member.token}` } })).json();
    expect(me.subscription.status).toBe("past_due");
    const warning = page.locator("#plan").getByRole("alert");
    await expect(warning).toContainText(`Your last payment failed. Update your payment method by ${longDate(Date.parse(me.subscription.grace_period_ends_at) / 1000)} to keep watching`);
    await expect(account.planSummary()).toHaveText(/Payment overdue/);
    await expect(account.invoices().first()).toContainText("Due");
    await warning.getByRole("button", { name: "Update payment method" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${app.fake.url}/portal/`));
  });

  stripeTest("cards: the one paid with is the default; another is added at Checkout, made the default, and the first removed", async ({ page }) => {
    const { account } = await newMember(page);
    const cards = page.locator("#payment-methods");
    await expect(cards).toContainText("No card on file yet.");
    await payAtCheckout(page, await goToCheckout(page, account, "Basic"));
    await account.goto();
    await expect(cards.getByRole("listitem")).toHaveCount(1);
    await expect(cards.getByRole("listitem").first()).toContainText("Visa ending 4242");
    await expect(cards.getByRole("listitem").first()).toContainText("Default");

    // Add a card: the browser goes to Checkout (setup mode), the card is saved there, and Stripe sends it back.
    await cards.getByRole("button", { name: "Add a card" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${app.fake.url}/checkout/`));
    const session = app.fake.checkoutSessions.get(new URL(page.url()).pathname.split("/").pop()!) as CheckoutSession;
    expect(session).toMatchObject({ status: "open", mode: "setup" });
    const from = app.fake.events.length;
    app.fake.completeSetup(session.id, { brand: "mastercard", last4: "4444", exp_month: 7, exp_year: 2031 });
    await deliverSince(from);
    await page.goto(atServer(session.success_url));
    await expect(page.getByRole("status").filter({ hasText: "Your card was saved" })).toBeVisible();
    const mastercard = cards.getByRole("listitem").filter({ hasText: "Mastercard ending 4444" });
    await expect(mastercard).toContainText("Expires 07/2031");
    await expect(mastercard).not.toContainText("Default");
    await expectAccessible(page);

    await mastercard.getByRole("button", { name: "Make default" }).click();
    await expect(mastercard).toContainText("Default");
    await expect(cards.getByRole("listitem").filter({ hasText: "Visa ending 4242" })).not.toContainText("Default");
    await cards.getByRole("listitem").filter({ hasText: "Visa ending 4242" }).getByRole("button", { name: "Remove" }).click();
    await expect(cards.getByRole("listitem")).toHaveCount(1);
    // The plan's only card stays.
    await mastercard.getByRole("button", { name: "Remove" }).click();
    await expect(cards.getByRole("alert")).toContainText("only card for your running plan");
    await expect(cards.getByRole("listitem")).toHaveCount(1);
  });
});

test("without a payment provider: no portal, and an empty billing history", async ({ page, account }) => {
  await signInBrowser(page, account, "/account");
  const accountPage = new AccountPage(page);
  await accountPage.goto();
  await expect(accountPage.planSummary()).toHaveText(/Standard · \$15\.49 \/ month\s*Active/);
  await expect(page.locator("#billing")).toContainText("No charges yet.");
  await expect(page.getByRole("button", { name: "Manage payment methods & invoices" })).toHaveCount(0);
  await expect(page.locator("#plan")).toContainText("Watching stops right away.");

  // The billing address invoices are made out to.
  const address = page.getByRole("form", { name: "Billing address" });
  await address.getByLabel("Name on invoices").fill("Ada Lovelace Ltd");
  await address.getByLabel("Address", { exact: true }).fill("12 St James's Square");
  await address.getByLabel("City").fill("London");
  await address.getByLabel("Postal code").fill("SW1Y 4JH");
  await address.getByLabel("Country").fill("xx");
  await address.getByRole("button", { name: "Save billing address" }).click();
  await expect(address.getByText("Not an ISO 3166-1 country code (e.g. US, DE).")).toBeVisible();
  await address.getByLabel("Country").fill("gb");
  await address.getByRole("button", { name: "Save billing address" }).click();
  await expect(address.getByRole("status")).toHaveText("Billing address saved.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Billing address" }).getByLabel("Country")).toHaveValue("GB");
});
