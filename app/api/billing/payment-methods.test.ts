// Payment methods with Stripe (a fake of its API, the real `stripe` library): list, add at Checkout (setup mode),
// make default, remove; and what the local provider answers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createAccount, expectEnvelope } from "@/test/http";
import { startStripeApp, type StripeApp } from "@/test/fake-stripe/app-server";

let app: StripeApp;
beforeAll(async () => {
  app = await startStripeApp();
});
afterAll(() => app?.stop());

async function signUp(): Promise<string> {
  const username = `cards_${randomUUID().slice(0, 8)}`;
  const password = "correct horse battery";
  expect((await app.call("POST", "/api/accounts/new", { body: { username, password, email: `${username}@example.com` } })).status).toBe(200);
  return (await app.call("POST", "/api/accounts/token", { body: { username, password }, headers: { "x-forwarded-for": `10.8.${Math.floor(Math.random() * 250)}.1` } })).body.bearer_token;
}

/** Delivers every event the fake recorded since `from`; each is answered 200. */
async function deliverSince(from: number) {
  for (const event of app.fake.events.slice(from)) expect((await app.deliver(event)).status).toBe(200);
}

const sessionIdOf = (url: string) => url.split("/").pop()!;

/** The error envelope with `code`, from the Stripe app's client. */
function refused(response: { status: number; body: any }, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body).toMatchObject({ error: { code, message: expect.any(String) } });
}

describe("payment methods with Stripe", () => {
  it("lists the card paid with, adds one at Checkout, makes it the default, and removes the old one", async () => {
    const token = await signUp();
    const cards = async () => (await app.call("GET", "/api/accounts/payment-methods", { token })).body;
    expect(await cards()).toEqual({ items: [], total: 0, limit: 100, offset: 0 });

    const from = app.fake.events.length;
    const checkout = await app.call("PUT", "/api/accounts/subscription", { token, body: { subscription: "standard" } });
    const subscription = app.fake.completeCheckout(sessionIdOf(checkout.body.error.details.checkout_url));
    await deliverSince(from);
    const [paidWith] = (await cards()).items;
    expect(paidWith).toMatchObject({ brand: "visa", last4: "4242", default: true });
    expect(paidWith.exp_year).toBeGreaterThan(2025);

    // Add a card: a setup-mode Checkout page; the card saved there is listed, not (yet) the default.
    const added = await app.call("POST", "/api/accounts/payment-methods", { token });
    expect(added.status).toBe(200);
    expect(app.fake.checkoutSessions.get(sessionIdOf(added.body.url))).toMatchObject({ mode: "setup", status: "open" });
    const setupFrom = app.fake.events.length;
    const card = app.fake.completeSetup(sessionIdOf(added.body.url), { brand: "mastercard", last4: "4444", exp_month: 7, exp_year: 2031 });
    await deliverSince(setupFrom); // payment_method.attached, checkout.session.completed (setup): nothing stored, 200
    expect((await cards()).items).toEqual(
      expect.arrayContaining([
        { id: card.id, brand: "mastercard", last4: "4444", exp_month: 7, exp_year: 2031, default: false },
        expect.objectContaining({ id: paidWith.id, default: true }),
      ]),
    );

    // The new card becomes the default: for the customer's invoices and the running plan's renewals.
    const madeDefault = await app.call("PUT", `/api/accounts/payment-methods/${card.id}/default`, { token });
    expect(madeDefault.status).toBe(200);
    expect(madeDefault.body.items.find((item: { id: string }) => item.id === card.id).default).toBe(true);
    expect(app.fake.customers.get(subscription.customer)!.invoice_settings.default_payment_method).toBe(card.id);
    expect(app.fake.subscriptions.get(subscription.id)!.default_payment_method).toBe(card.id);

    expect((await app.call("DELETE", `/api/accounts/payment-methods/${paidWith.id}`, { token })).status).toBe(200);
    expect((await cards()).items).toEqual([{ id: card.id, brand: "mastercard", last4: "4444", exp_month: 7, exp_year: 2031, default: true }]);
    // The only card of a running plan stays.
    refused(await app.call("DELETE", `/api/accounts/payment-methods/${card.id}`, { token }), 409, "payment_method_in_use");
    await deliverSince(setupFrom); // customer.updated, payment_method.detached… answered 200, stored nothing twice
  });

  it("finds nobody else's card, and refuses ids that are not ids", async () => {
    const owner = await signUp();
    const from = app.fake.events.length;
    const checkout = await app.call("PUT", "/api/accounts/subscription", { token: owner, body: { subscription: "basic" } });
    app.fake.completeCheckout(sessionIdOf(checkout.body.error.details.checkout_url));
    await deliverSince(from);
    const [theirs] = (await app.call("GET", "/api/accounts/payment-methods", { token: owner })).body.items;

    const stranger = await signUp();
    await app.call("POST", "/api/accounts/payment-methods", { token: stranger }); // a customer of its own
    for (const [method, path] of [["PUT", `/api/accounts/payment-methods/${theirs.id}/default`], ["DELETE", `/api/accounts/payment-methods/${theirs.id}`], ["DELETE", "/api/accounts/payment-methods/pm_nothing"]]) {
      refused(await app.call(method, path, { token: stranger }), 404, "payment_method_not_found");
    }
    refused(await app.call("DELETE", "/api/accounts/payment-methods/pm%2E%2E%2Fx", { token: stranger }), 422, "validation_failed");
    refused(await app.call("GET", "/api/accounts/payment-methods?limit=5", { token: stranger }), 422, "unknown_parameter");
    expect((await app.call("GET", "/api/accounts/payment-methods", { token: owner })).body.items).toHaveLength(1);
  });
});

describe("payment methods without Stripe", () => {
  it("lists none, and adding one is refused with a clear 409", async () => {
    const account = await createAccount();
    expect((await api("GET", "/api/accounts/payment-methods", { token: account.token })).body).toEqual({ items: [], total: 0, limit: 100, offset: 0 });
    expectEnvelope(await api("POST", "/api/accounts/payment-methods", { token: account.token }), 409, "payment_methods_unavailable");
    expectEnvelope(await api("DELETE", "/api/accounts/payment-methods/pm_123", { token: account.token }), 409, "payment_methods_unavailable");
  });
});

describe("the billing address", () => {
  const address = { name: "Ada Lovelace Ltd", line1: "12 St James's Square", city: "London", postal_code: "SW1Y 4JH", country: "gb" };

  it("is kept on the account and its Stripe customer, and removed from both", async () => {
    const token = await signUp();
    expect((await app.call("GET", "/api/accounts/billing-address", { token })).body).toEqual({ billing_address: null });
    // Before the account has a Stripe customer: kept, and given to the customer when one is made.
    const saved = await app.call("PUT", "/api/accounts/billing-address", { token, body: address });
    expect(saved.status).toBe(200);
    expect(saved.body.billing_address).toEqual({ ...address, country: "GB", line2: null, state: null });
    const checkout = await app.call("PUT", "/api/accounts/subscription", { token, body: { subscription: "basic" } });
    const session = app.fake.checkoutSessions.get(sessionIdOf(checkout.body.error.details.checkout_url))!;
    const customer = app.fake.customers.get(session.customer)!;
    expect(customer).toMatchObject({ name: address.name, address: { line1: address.line1, city: "London", postal_code: "SW1Y 4JH", country: "GB", line2: null } });

    // A change reaches the customer.
    const moved = { ...address, line1: "1 Infinite Loop", line2: "Floor 2", city: "Cupertino", postal_code: "95014", state: "CA", country: "US" };
    expect((await app.call("PUT", "/api/accounts/billing-address", { token, body: moved })).body.billing_address).toEqual(moved);
    expect(customer.address).toMatchObject({ line1: "1 Infinite Loop", line2: "Floor 2", state: "CA", country: "US" });
    expect((await app.call("DELETE", "/api/accounts/billing-address", { token })).body).toEqual({ billing_address: null });
    expect(customer.address).toBeNull();
    expect((await app.call("GET", "/api/accounts/billing-address", { token })).body).toEqual({ billing_address: null });
  });

  it("takes a real country, every required line, and nothing else", async () => {
    const account = await createAccount();
    const put = (body: unknown) => api("PUT", "/api/accounts/billing-address", { token: account.token, body });
    expectEnvelope(await put({ ...address, country: "XX" }), 422, "validation_failed");
    expectEnvelope(await put({ ...address, country: "GBR" }), 422, "validation_failed");
    expectEnvelope(await put({ ...address, city: " " }), 422, "validation_failed");
    expectEnvelope(await put({ ...address, vat_id: "GB123" }), 422, "validation_failed");
    expect((await put({ ...address, country: "de" })).body.billing_address.country).toBe("DE");
    expect((await api("GET", "/api/accounts/billing-address", { token: account.token })).body.billing_address.city).toBe("London");
  });
});
