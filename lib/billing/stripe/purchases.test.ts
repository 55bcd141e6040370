import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/rules";
import { FakeStripe, type FakeEvent } from "@/test/fake-stripe/fake-stripe";
import { useFreshDatabase } from "@/test/fresh-database";

// Renting and buying through Stripe, at the service level: the app's real `stripe` client talks to the fake Stripe
// API, and webhook payloads are signed by the real library. Replays, events out of order, two Checkouts paid for one
// title, pending payments and refunds must all leave the right state.

const WEBHOOK_SECRET = "whsec_fake_rentals";
const fake = new FakeStripe({ price_basic: 799, price_standard: 1549, price_premium: 2299 });

// Before useFreshDatabase's hook: lib/env reads the environment once, when first imported.
beforeAll(async () => {
  await fake.start();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_fake",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PRICE_BASIC: "price_basic",
    STRIPE_PRICE_STANDARD: "price_standard",
    STRIPE_PRICE_PREMIUM: "price_premium",
    STRIPE_API_BASE: fake.url,
    APP_URL: "https://normflix.test",
  });
});
afterAll(() => fake.stop());

useFreshDatabase();

let m: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  purchases: typeof import("@/lib/purchases/purchases");
  queries: typeof import("@/db/queries/purchases");
  webhook: typeof import("./webhook");
  sales: typeof import("./purchases");
  invoices: typeof import("@/lib/billing/invoices");
};

beforeAll(async () => {
  m = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    purchases: await import("@/lib/purchases/purchases"),
    queries: await import("@/db/queries/purchases"),
    webhook: await import("./webhook"),
    sales: await import("./purchases"),
    invoices: await import("@/lib/billing/invoices"),
  };
});

async function soldMovie(): Promise<string> {
  const { db } = m.client;
  const { titles, titleOffers } = m.schema;
  const [movie] = await db()
    .insert(titles)
    .values({ kind: "movie", title: `For sale ${randomUUID().slice(0, 6)}`, year: 2026, maturityRating: "PG", maturityLevel: 1, access: "rent_or_buy" })
    .returning();
  await db().insert(titleOffers).values([
    { titleId: movie.id, kind: "rent", priceCents: 399, rentalHours: 48, startWithinDays: 30 },
    { titleId: movie.id, kind: "buy", priceCents: 1499 },
  ]);
  return movie.id;
}

async function buyer(): Promise<Viewer> {
  const { db } = m.client;
  const { accounts, profiles } = m.schema;
  const username = `stripe_${randomUUID().slice(0, 8)}`;
  const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
  const [profile] = await db().insert(profiles).values({ accountId: account.id, name: "Main" }).returning();
  return { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" }, profile };
}

/** Starts a sale through the service and returns the Checkout session the fake holds for it. */
async function checkout(viewer: Viewer, titleId: string, kind: "rent" | "buy") {
  const started = await m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: titleId, kind });
  const url = "url" in started ? started.url : undefined;
  if (!url) throw new Error("expected a Checkout URL");
  const id = url.split("/").pop()!;
  return fake.checkoutSessions.get(id)!;
}

const deliver = (event: FakeEvent) => {
  const payload = JSON.stringify(event);
  return m.webhook.handleStripeWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }));
};

const lastEvent = (type: string) => fake.events.filter((e) => e.type === type).at(-1)!;

const held = (viewer: Viewer, titleId: string) => m.queries.findLiveRight(viewer.principal.accountId, titleId);

async function rowsOf(viewer: Viewer) {
  return (await m.purchases.listPurchases(viewer.principal, { status: "all", limit: 50, offset: 0 })).items;
}

describe("rentals and purchases with Stripe", () => {
  it("Checkout in payment mode for the one price; the paid session's webhook grants once, however often it is replayed", async () => {
    const [viewer, titleId] = [await buyer(), await soldMovie()];
    const session = await checkout(viewer, titleId, "rent");
    expect(session).toMatchObject({ mode: "payment", amount_total: 399, currency: "usd", metadata: { account_id: viewer.principal.accountId, title_id: titleId, kind: "rent", rental_hours: "48" } });
    expect(session.success_url).toBe(`https://normflix.test/billing/purchase/complete?session_id=${session.id}`);
    expect(await held(viewer, titleId)).toBeUndefined();

    const { paymentIntent, charge } = fake.payCheckout(session.id);
    const event = lastEvent("checkout.session.completed");
    expect(await deliver(event)).toMatchObject({ result: "applied" });
    expect(await deliver(event)).toMatchObject({ result: "duplicate" });
    // The same session under another event id (async_payment_succeeded, or a resend) grants nothing more.
    expect(await deliver({ ...event, id: `evt_again_${randomUUID()}` })).toMatchObject({ result: "applied" });
    expect(await rowsOf(viewer)).toEqual([expect.objectContaining({ kind: "rent", status: "active", price_cents: 399, rental_hours: 48 })]);

    const receipts = (await m.invoices.listInvoices(viewer.principal.accountId)).items;
    expect(receipts).toEqual([
      expect.objectContaining({ id: paymentIntent.id, status: "paid", amount_paid: 399, hosted_invoice_url: charge.receipt_url, purchase_id: (await held(viewer, titleId))!.id }),
    ]);
  });

  it("the return page grants before the webhook; the webhook then changes nothing; a second sale is 409 before any Checkout", async () => {
    const [viewer, titleId] = [await buyer(), await soldMovie()];
    const session = await checkout(viewer, titleId, "buy");
    fake.payCheckout(session.id);
    expect(await m.sales.reconcileSale(session.id)).toEqual({ titleId, outcome: "granted" });
    expect(await deliver(lastEvent("checkout.session.completed"))).toMatchObject({ result: "applied" });
    expect(await rowsOf(viewer)).toHaveLength(1);
    const sessions = fake.checkoutSessions.size;
    await expect(m.purchases.purchaseTitle(viewer.principal, viewer, { title_id: titleId, kind: "buy" })).rejects.toMatchObject({ code: "already_purchased" });
    expect(fake.checkoutSessions.size).toBe(sessions);
  });

  it("an unpaid (pending) session never grants", async () => {
    const [viewer, titleId] = [await buyer(), await soldMovie()];
    const session = await checkout(viewer, titleId, "buy");
    fake.payCheckout(session.id, { pending: true });
    expect(await deliver(lastEvent("checkout.session.completed"))).toMatchObject({ result: "applied" });
    expect(await m.sales.reconcileSale(session.id)).toBeUndefined();
    expect(await rowsOf(viewer)).toEqual([]);
  });

  it("charge.refunded revokes and marks the receipt refunded; replays, and the payment reported again, change nothing more", async () => {
    const [viewer, titleId] = [await buyer(), await soldMovie()];
    const session = await checkout(viewer, titleId, "buy");
    const { charge } = fake.payCheckout(session.id);
    await deliver(lastEvent("checkout.session.completed"));
    expect(await held(viewer, titleId)).toBeDefined();

    fake.refundCharge(charge.id);
    const refunded = lastEvent("charge.refunded");
    expect(await deliver(refunded)).toMatchObject({ result: "applied" });
    expect(await deliver(refunded)).toMatchObject({ result: "duplicate" });
    expect(await held(viewer, titleId)).toBeUndefined();
    expect(await rowsOf(viewer)).toEqual([expect.objectContaining({ status: "refunded" })]);
    expect((await m.invoices.listInvoices(viewer.principal.accountId)).items[0].status).toBe("refunded");
    // The completed event arriving again afterwards re-reads the session: refunded, so nothing is granted back.
    expect(await deliver({ ...lastEvent("checkout.session.completed"), id: `evt_late_${randomUUID()}` })).toMatchObject({ result: "applied" });
    expect(await held(viewer, titleId)).toBeUndefined();
  });

  it("a partial refund keeps the title", async () => {
    const [viewer, titleId] = [await buyer(), await soldMovie()];
    const session = await checkout(viewer, titleId, "buy");
    const { charge } = fake.payCheckout(session.id);
    await deliver(lastEvent("checkout.session.completed"));
    fake.refundCharge(charge.id, 500);
    await deliver(lastEvent("charge.refunded"));
    expect(await held(viewer, titleId)).toBeDefined();
  });

  it("out of order: a refund reported before the payment means the payment never grants", async () => {
    const [viewer, titleId] = [await buyer(), await soldMovie()];
    const session = await checkout(viewer, titleId, "rent");
    const { charge } = fake.payCheckout(session.id);
    const completed = lastEvent("checkout.session.completed");
    fake.refundCharge(charge.id);
    expect(await deliver(lastEvent("charge.refunded"))).toMatchObject({ result: "applied" });
    expect(await deliver(completed)).toMatchObject({ result: "applied" });
    expect(await rowsOf(viewer)).toEqual([]);
  });

  it("two Checkouts paid for one title: the first grants, the second payment is refunded at Stripe, whatever the order of events", async () => {
    const [viewer, titleId] = [await buyer(), await soldMovie()];
    const first = await checkout(viewer, titleId, "buy");
    // Another tab a minute later (past the idempotency window): a second session for the same sale.
    const other = await (await import("./client")).stripe().checkout.sessions.create({
      mode: "payment",
      customer: first.customer,
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 1499, product_data: { name: "Purchase" } } }],
      metadata: first.metadata,
      payment_intent_data: { metadata: first.metadata },
      success_url: first.success_url,
      cancel_url: first.cancel_url,
    });
    const sessions = [first, fake.checkoutSessions.get(other.id)!];
    const paid = sessions.map((s) => fake.payCheckout(s.id));
    const events = fake.events.filter((e) => e.type === "checkout.session.completed").slice(-2);
    // The second payment's event first: it grants; the first's then finds the title owned and is refunded.
    expect(await deliver(events[1])).toMatchObject({ result: "applied" });
    expect(await deliver(events[0])).toMatchObject({ result: "applied" });
    expect(await deliver(events[0])).toMatchObject({ result: "duplicate" });
    const refunds = fake.requests.filter((r) => r.path === "/v1/refunds");
    expect(refunds.map((r) => r.params.payment_intent)).toEqual([paid[0].paymentIntent.id]);
    expect(fake.charges.get(paid[0].charge.id)!.refunded).toBe(true);
    // That refund's own event revokes nothing: the title stays owned through the other payment.
    expect(await deliver(lastEvent("charge.refunded"))).toMatchObject({ result: "applied" });
    const rows = await rowsOf(viewer);
    expect(rows).toEqual([expect.objectContaining({ kind: "buy", status: "active" })]);
    expect((await held(viewer, titleId))!.stripePaymentIntentId).toBe(paid[1].paymentIntent.id);
  });

  it("a forged or unsigned delivery changes nothing", async () => {
    const [viewer, titleId] = [await buyer(), await soldMovie()];
    const session = await checkout(viewer, titleId, "buy");
    fake.payCheckout(session.id);
    const payload = JSON.stringify(lastEvent("checkout.session.completed"));
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    await expect(m.webhook.handleStripeWebhook(payload, forged)).rejects.toMatchObject({ code: "invalid_signature" });
    expect(await rowsOf(viewer)).toEqual([]);
  });
});
