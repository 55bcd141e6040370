// Stripe billing end to end: a NormFlix server of its own talks to a fake of the Stripe API, and webhooks are signed
// by the real `stripe` library. The shared test server (local provider) is not used here.
import { randomUUID } from "node:crypto";
import net from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInToSite } from "@/test/web-session";
import { APP_URL, PRICES, startStripeApp, WEBHOOK_SECRET, YEARLY_PRICES, type StripeApp } from "@/test/fake-stripe/app-server";

let app: StripeApp;
beforeAll(async () => {
  app = await startStripeApp();
});
afterAll(() => app?.stop());

type Plan = "basic" | "standard" | "premium";
type Member = { token: string; accountId: string };

async function signUp(): Promise<Member> {
  const username = `payer_${randomUUID().slice(0, 8)}`;
  const password = "correct horse battery";
  expect((await app.call("POST", "/api/accounts/new", { body: { username, password, email: `${username}@example.com` } })).status).toBe(200);
  const token = (await app.call("POST", "/api/accounts/token", { body: { username, password }, headers: { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } })).body.bearer_token;
  const accountId = (await app.call("GET", "/api/accounts/me", { token })).body.id;
  return { token, accountId };
}

const me = async (member: Member) => (await app.call("GET", "/api/accounts/me", { token: member.token })).body;
const subscriptionOf = async (member: Member) => (await me(member)).subscription;
const sessionIdOf = (url: string) => url.split("/").pop()!;

/** Delivers every event the fake recorded since `from`, in order; returns the webhook's answers. */
async function deliverSince(from: number) {
  const results = [];
  for (const event of app.fake.events.slice(from)) {
    const response = await app.deliver(event);
    expect(response.status).toBe(200);
    results.push(response.body.result);
  }
  return results;
}

/** A member with a paid subscription made through Checkout, with every webhook delivered. */
async function subscribed(plan: Plan, options: { startedAt?: number } = {}) {
  const member = await signUp();
  const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: plan } });
  expect(answer.status).toBe(402);
  const from = app.fake.events.length;
  const subscription = app.fake.completeCheckout(sessionIdOf(answer.body.error.details.checkout_url), options);
  await deliverSince(from);
  return { ...member, subscriptionId: subscription.id as string };
}

/** Time reaches the end of the subscription's period at Stripe, and its webhooks are delivered. */
async function reachPeriodEnd(subscriptionId: string) {
  const from = app.fake.events.length;
  app.fake.reachPeriodEnd(subscriptionId);
  await deliverSince(from);
}

const customerOf = (member: Member): string => app.fake.customersOfAccount(member.accountId)[0].id;

const requestsTo = (method: string, pattern: RegExp) => app.fake.requests.filter((r) => r.method === method && pattern.test(r.path));

describe("a first subscription through Checkout", () => {
  it("answers 402 with a Checkout URL, then the webhook activates the plan and records the invoice", async () => {
    const member = await signUp();
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard" } });
    expect(answer.status).toBe(402);
    expect(answer.body.error.code).toBe("payment_method_required");
    const checkoutUrl: string = answer.body.error.details.checkout_url;
    expect(checkoutUrl.startsWith(app.fake.url)).toBe(true);

    const session = app.fake.checkoutSessions.get(sessionIdOf(checkoutUrl))!;
    expect(session).toMatchObject({ mode: "subscription", client_reference_id: member.accountId, cancel_url: `${APP_URL}/plans?billing=canceled` });
    expect(session.success_url).toBe(`${APP_URL}/billing/checkout/complete?session_id=${session.id}`);
    expect(app.fake.customersOfAccount(member.accountId)).toHaveLength(1);
    expect((await subscriptionOf(member)).status).toBe("none");

    const from = app.fake.events.length;
    app.fake.completeCheckout(session.id);
    // Paying is not enough: until Stripe tells us (webhook) or the user returns (reconcile), nothing is granted.
    expect((await subscriptionOf(member)).has_access).toBe(false);
    expect(await deliverSince(from)).not.toContain("duplicate");

    const view = await me(member);
    expect(view.subscription).toMatchObject({ plan: "standard", status: "active", cancel_at_period_end: false, has_access: true, scheduled_plan: null });
    expect(new Date(view.subscription.current_period_end).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(view.profile_limit).toBe(4);

    const invoices = await app.call("GET", "/api/accounts/invoices", { token: member.token });
    expect(invoices.status).toBe(200);
    expect(invoices.body).toMatchObject({ total: 1, limit: 20, offset: 0 });
    expect(invoices.body.items[0]).toMatchObject({ status: "paid", amount_paid: 1549, currency: "usd" });
    expect(invoices.body.items[0].hosted_invoice_url).toContain(app.fake.url);
  });

  it("the Checkout return page stores the subscription at once, without waiting for the webhook", async () => {
    const member = await signUp();
    const started = await app.call("POST", "/api/billing/checkout", { token: member.token, body: { plan: "basic" } });
    expect(started.status).toBe(200);
    app.fake.completeCheckout(sessionIdOf(started.body.url));

    const back = await app.call("GET", `/billing/checkout/complete?session_id=${sessionIdOf(started.body.url)}`);
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(`${APP_URL}/account?billing=success`);
    expect(await subscriptionOf(member)).toMatchObject({ plan: "basic", status: "active", has_access: true });
    expect((await app.call("GET", "/api/accounts/invoices", { token: member.token })).body.total).toBe(1);

    // An unknown or malformed session id lands on the account page too, changing nothing.
    expect((await app.call("GET", "/billing/checkout/complete?session_id=cs_test_unknown")).headers.get("location")).toBe(`${APP_URL}/account?billing=pending`);
    expect((await app.call("GET", "/billing/checkout/complete?session_id=../../etc")).headers.get("location")).toBe(`${APP_URL}/account?billing=invalid`);
  });

  it("a new member's Checkout return goes on to their first profile, carrying the page they wanted (same-site only)", async () => {
    const returnWith = async (next: string) => {
      const username = `first_${randomUUID().slice(0, 8)}`;
      const password = "correct horse battery";
      expect((await app.call("POST", "/api/accounts/new", { body: { username, password, email: `${username}@example.com` } })).status).toBe(200);
      const token = (await app.call("POST", "/api/accounts/token", { body: { username, password } })).body.bearer_token;
      const site = await signInToSite(app.server.url, username, password, `10.9.77.${Math.floor(Math.random() * 250)}`);
      const started = await app.call("POST", "/api/billing/checkout", { token, body: { plan: "basic" } });
      app.fake.completeCheckout(sessionIdOf(started.body.url));
      return app.call("GET", `/billing/checkout/complete?session_id=${sessionIdOf(started.body.url)}`, {
        headers: { cookie: `${site}; nf_next=${encodeURIComponent(next)}` },
      });
    };
    const first = await returnWith("/title/movie/123?x=1");
    expect(first.headers.get("location")).toBe(`${APP_URL}/profiles/new?welcome=1&next=${encodeURIComponent("/title/movie/123?x=1")}`);
    expect(first.headers.getSetCookie().some((line) => /^nf_next=;/.test(line))).toBe(true);
    const offSite = await returnWith("https://evil.example/");
    expect(offSite.headers.get("location")).toBe(`${APP_URL}/profiles/new?welcome=1`);
  });

  it("an account that already subscribes gets a plan change, not a second subscription", async () => {
    const member = await subscribed("basic");
    const started = await app.call("POST", "/api/billing/checkout", { token: member.token, body: { plan: "premium" } });
    expect(started.body.url).toBe(`${APP_URL}/account?billing=updated`);
    expect(await subscriptionOf(member)).toMatchObject({ plan: "premium", status: "active" });
    expect([...app.fake.subscriptions.values()].filter((s) => s.customer === customerOf(member))).toHaveLength(1);
  });

  it("two concurrent subscribe clicks create one Stripe customer", async () => {
    const member = await signUp();
    const creates = requestsTo("POST", /^\/v1\/customers$/).length;
    app.fake.customerCreateDelayMs = 300;
    try {
      const answers = await Promise.all([
        app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } }),
        app.call("POST", "/api/billing/checkout", { token: member.token, body: { plan: "premium" } }),
        app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([402, 200, 402]);
    } finally {
      app.fake.customerCreateDelayMs = 0;
    }
    expect(app.fake.customersOfAccount(member.accountId)).toHaveLength(1);
    expect(requestsTo("POST", /^\/v1\/customers$/).length - creates).toBe(1);
    const customer = customerOf(member);
    const sessions = [...app.fake.checkoutSessions.values()].filter((s) => s.client_reference_id === member.accountId);
    expect(sessions.map((s) => s.customer)).toEqual([customer, customer, customer]);
  });

  it("a returning customer with a saved card subscribes again without Checkout", async () => {
    const member = await subscribed("basic");
    await app.call("DELETE", "/api/accounts/subscription", { token: member.token });
    await reachPeriodEnd(member.subscriptionId);
    expect(await subscriptionOf(member)).toMatchObject({ status: "canceled", has_access: false });

    const again = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard" } });
    expect(again.status).toBe(200);
    expect(again.body.subscription).toMatchObject({ plan: "standard", status: "active", has_access: true });
  });
});

describe("plan changes", () => {
  it("an upgrade applies at once and invoices the prorated difference now", async () => {
    const member = await subscribed("basic");
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } });
    expect(answer.status).toBe(200);
    expect(answer.body.subscription).toMatchObject({ plan: "premium", status: "active", scheduled_plan: null });

    const update = requestsTo("POST", new RegExp(`^/v1/subscriptions/${member.subscriptionId}$`)).find((r) => r.params.items);
    expect(update?.params).toMatchObject({ proration_behavior: "always_invoice", payment_behavior: "pending_if_incomplete" });
    const proration = [...app.fake.invoices.values()].find((i) => i.parent.subscription_details.subscription === member.subscriptionId && i.billing_reason === "subscription_update");
    expect(proration).toMatchObject({ status: "paid" });
    expect(proration!.amount_due).toBeGreaterThan(2499 - 799 - 10);
    expect(proration!.amount_due).toBeLessThanOrEqual(2499 - 799);
    expect((await me(member)).profile_limit).toBe(5);
  });

  it("a declined upgrade answers 402 and leaves the plan as it was", async () => {
    const member = await subscribed("basic");
    app.fake.declineCards(customerOf(member));
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } });
    expect(answer.status).toBe(402);
    expect(answer.body.error.code).toBe("payment_failed");
    expect(await subscriptionOf(member)).toMatchObject({ plan: "basic", status: "active", has_access: true });
  });

  it("a downgrade waits for the end of the period (subscription schedule), and can be taken back", async () => {
    const member = await subscribed("premium");
    const periodEnd = (await subscriptionOf(member)).current_period_end;
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "basic" } });
    expect(answer.status).toBe(200);
    expect(answer.body.subscription).toMatchObject({ plan: "premium", scheduled_plan: "basic", scheduled_change_at: periodEnd, has_access: true });
    expect((await me(member)).profile_limit).toBe(5);

    // Choosing the current plan again cancels the pending downgrade.
    const kept = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } });
    expect(kept.body.subscription).toMatchObject({ plan: "premium", scheduled_plan: null });

    await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard" } });
    await reachPeriodEnd(member.subscriptionId);
    const after = await subscriptionOf(member);
    expect(after).toMatchObject({ plan: "standard", status: "active", scheduled_plan: null, has_access: true });
    expect(new Date(after.current_period_end).getTime()).toBeGreaterThan(new Date(periodEnd).getTime());
    const history = (await app.call("GET", "/api/accounts/invoices", { token: member.token })).body;
    expect(history.items.map((i: { amount_paid: number }) => i.amount_paid)).toEqual([1549, 2499]);
  });

  it("cancel keeps access to the end of the period, resume undoes it, and the period's end ends access", async () => {
    const member = await subscribed("standard");
    const cancelled = await app.call("DELETE", "/api/accounts/subscription", { token: member.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.subscription).toMatchObject({ plan: "standard", status: "active", cancel_at_period_end: true, has_access: true });
    expect(app.fake.subscriptions.get(member.subscriptionId)!.cancel_at_period_end).toBe(true);

    const resumed = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard" } });
    expect(resumed.body.subscription).toMatchObject({ cancel_at_period_end: false, status: "active" });
    expect(app.fake.subscriptions.get(member.subscriptionId)!.cancel_at_period_end).toBe(false);

    await app.call("DELETE", "/api/accounts/subscription", { token: member.token });
    await reachPeriodEnd(member.subscriptionId);
    expect(await subscriptionOf(member)).toMatchObject({ status: "canceled", has_access: false });
    expect((await me(member)).profile_limit).toBe(1);
    // Only the one profile an account has without a plan.
    expect((await app.call("POST", "/api/profiles/Late/new", { token: member.token })).status).toBe(200);
    expect((await app.call("POST", "/api/profiles/Later/new", { token: member.token })).status).toBe(426);
  });

  it("a change after a missed webhook starts from Stripe's state, not the stale one", async () => {
    const member = await subscribed("basic");
    await app.call("DELETE", "/api/accounts/subscription", { token: member.token });
    app.fake.reachPeriodEnd(member.subscriptionId); // its customer.subscription.deleted never arrives
    expect((await subscriptionOf(member)).status).toBe("active");
    const again = await app.call("DELETE", "/api/accounts/subscription", { token: member.token });
    expect(again.status).toBe(200);
    expect(again.body.subscription).toMatchObject({ status: "canceled", has_access: false });
  });

  it("cancelling a subscription with a pending downgrade drops the downgrade", async () => {
    const member = await subscribed("premium");
    await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "basic" } });
    const cancelled = await app.call("DELETE", "/api/accounts/subscription", { token: member.token });
    expect(cancelled.body.subscription).toMatchObject({ plan: "premium", cancel_at_period_end: true, scheduled_plan: null });
  });
});

describe("monthly and yearly billing", () => {
  const YEAR_MS = 365 * 86_400_000;
  const priceOf = (subscriptionId: string) => app.fake.subscriptions.get(subscriptionId)!.items.data[0].price.id;

  it("a first subscription can be yearly: Checkout sells the yearly price and the period is a year", async () => {
    const member = await signUp();
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard", interval: "year" } });
    expect(answer.status).toBe(402);
    const session = app.fake.checkoutSessions.get(sessionIdOf(answer.body.error.details.checkout_url))!;
    expect(session.__price).toBe(YEARLY_PRICES.standard);
    const from = app.fake.events.length;
    const subscription = app.fake.completeCheckout(session.id);
    await deliverSince(from);
    const read = await app.call("GET", "/api/accounts/subscription", { token: member.token });
    expect(read.body).toMatchObject({ plan: "standard", interval: "year", status: "active", has_access: true });
    expect(Math.abs(new Date(read.body.current_period_end).getTime() - Date.now() - YEAR_MS)).toBeLessThan(60_000);
    expect(priceOf(subscription.id)).toBe(YEARLY_PRICES.standard);
    const history = (await app.call("GET", "/api/accounts/invoices", { token: member.token })).body;
    expect(history.items.map((i: { amount_paid: number }) => i.amount_paid)).toEqual([14900]);
  });

  it("monthly to yearly applies at once: a yearly period starts now, charged less the unused month", async () => {
    const member = await subscribed("standard", { startedAt: Math.floor(Date.now() / 1000) - 15 * 86_400 });
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard", interval: "year" } });
    expect(answer.status).toBe(200);
    expect(answer.body.subscription).toMatchObject({ plan: "standard", interval: "year", scheduled_plan: null, scheduled_interval: null });
    expect(Math.abs(new Date(answer.body.subscription.current_period_end).getTime() - Date.now() - YEAR_MS)).toBeLessThan(60_000);
    expect(priceOf(member.subscriptionId)).toBe(YEARLY_PRICES.standard);
    const proration = [...app.fake.invoices.values()].find((i) => i.parent.subscription_details.subscription === member.subscriptionId && i.billing_reason === "subscription_update");
    // Half of the month was left: 14900 - 1549 / 2.
    expect(Math.abs(proration!.amount_paid - (14900 - 1549 / 2))).toBeLessThan(5);
  });

  it("yearly to monthly waits for the end of the paid year; a plan change naming only the plan keeps yearly billing", async () => {
    const member = await signUp();
    const checkout = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "basic", interval: "year" } });
    const from = app.fake.events.length;
    const subscription = app.fake.completeCheckout(sessionIdOf(checkout.body.error.details.checkout_url));
    await deliverSince(from);

    const upgraded = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } });
    expect(upgraded.body.subscription).toMatchObject({ plan: "premium", interval: "year" });
    expect(priceOf(subscription.id)).toBe(YEARLY_PRICES.premium);
    const yearEnd = upgraded.body.subscription.current_period_end;

    const monthly = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium", interval: "month" } });
    expect(monthly.status).toBe(200);
    expect(monthly.body.subscription).toMatchObject({ plan: "premium", interval: "year", scheduled_plan: "premium", scheduled_interval: "month", scheduled_change_at: yearEnd });
    const schedule = app.fake.schedules.get(app.fake.subscriptions.get(subscription.id)!.schedule)!;
    expect(schedule.phases.map((phase: { items: { price: string }[] }) => phase.items[0].price)).toEqual([YEARLY_PRICES.premium, PRICES.premium]);

    await reachPeriodEnd(subscription.id);
    const after = (await app.call("GET", "/api/accounts/subscription", { token: member.token })).body;
    expect(after).toMatchObject({ plan: "premium", interval: "month", scheduled_plan: null, scheduled_interval: null, has_access: true });
    expect(new Date(after.current_period_end).getTime() - new Date(yearEnd).getTime()).toBe(30 * 86_400_000);
  });

  it("the cycle change's webhooks replayed and out of order leave the yearly state", async () => {
    const member = await subscribed("basic");
    const from = app.fake.events.length;
    await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "basic", interval: "year" } });
    const events = app.fake.events.slice(from);
    expect(events.map((event) => event.type)).toContain("customer.subscription.updated");
    // A stale read stored first (as if the PUT had not happened yet), then the events newest first, each twice.
    const stale = app.fake.events.slice(0, from).filter((e) => e.type === "customer.subscription.created" && e.data.object.id === member.subscriptionId);
    for (const event of [...stale, ...events.reverse(), ...events]) expect((await app.deliver(event)).status).toBe(200);
    expect((await app.call("GET", "/api/accounts/subscription", { token: member.token })).body).toMatchObject({ plan: "basic", interval: "year", status: "active" });
  });
});

describe("cancel, resume and pause", () => {
  const post = (member: Member, action: string, body?: unknown) => app.call("POST", `/api/accounts/subscription/${action}`, { token: member.token, body });

  it("cancel now ends access at once, sends the reason to Stripe and refunds nothing", async () => {
    const member = await subscribed("standard");
    const answer = await post(member, "cancel", { at_period_end: false, reason: "too_expensive", feedback: "Back in the summer" });
    expect(answer.status).toBe(200);
    expect(answer.body.subscription).toMatchObject({ status: "canceled", has_access: false });
    const sub = app.fake.subscriptions.get(member.subscriptionId)!;
    expect(sub.status).toBe("canceled");
    expect(sub.cancellation_details).toMatchObject({ feedback: "too_expensive", comment: "Back in the summer" });
    expect(requestsTo("POST", /^\/v1\/refunds$/)).toHaveLength(0);
    expect((await me(member)).profile_limit).toBe(1);
    expectStatus(await post(member, "cancel", { at_period_end: true }), 409);
  });

  it("cancel at period end keeps access; resume undoes it before the end", async () => {
    const member = await subscribed("premium");
    const answer = await post(member, "cancel", { at_period_end: true, reason: "unused" });
    expect(answer.body.subscription).toMatchObject({ status: "active", cancel_at_period_end: true, has_access: true });
    expect(app.fake.subscriptions.get(member.subscriptionId)!).toMatchObject({ cancel_at_period_end: true, cancellation_details: { feedback: "unused" } });
    const resumed = await post(member, "resume");
    expect(resumed.status).toBe(200);
    expect(resumed.body.subscription).toMatchObject({ cancel_at_period_end: false, has_access: true });
    expect(app.fake.subscriptions.get(member.subscriptionId)!.cancel_at_period_end).toBe(false);
    expect((await post(member, "resume")).body.error.code).toBe("nothing_to_resume");
  });

  it("a pause (Stripe pause_collection) ends access until Stripe lifts it by itself, and its webhooks in any order agree", async () => {
    const member = await subscribed("standard");
    const from = app.fake.events.length;
    const paused = await post(member, "pause", { months: 2 });
    expect(paused.status).toBe(200);
    expect(paused.body.subscription).toMatchObject({ status: "paused", has_access: false });
    const resumesAt = app.fake.subscriptions.get(member.subscriptionId)!.pause_collection;
    expect(resumesAt.behavior).toBe("void");
    expect(new Date(paused.body.subscription.paused_until).getTime()).toBe(resumesAt.resumes_at * 1000);
    const days = (resumesAt.resumes_at * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(58);
    expect(days).toBeLessThan(63);
    expect((await me(member)).profile_limit).toBe(1);
    expect((await post(member, "pause", { months: 1 })).body.error.code).toBe("subscription_not_pausable");

    // The pause's own events, replayed newest first and twice, leave it paused (each re-reads Stripe).
    const events = app.fake.events.slice(from);
    for (const event of [...events].reverse().concat(events)) expect((await app.deliver(event)).status).toBe(200);
    expect((await subscriptionOf(member)).status).toBe("paused");

    const end = app.fake.events.length;
    app.fake.reachPauseEnd(member.subscriptionId);
    await deliverSince(end);
    expect(await subscriptionOf(member)).toMatchObject({ status: "active", paused_until: null, has_access: true });
    // A late redelivery of the pause's events cannot pause it again.
    for (const event of events) expect((await app.deliver({ ...event, id: `evt_${randomUUID()}` })).status).toBe(200);
    expect((await subscriptionOf(member)).status).toBe("active");
  });

  it("resume ends a pause early; bad input is 422 and an account without a subscription gets 409", async () => {
    const member = await subscribed("basic");
    await post(member, "pause", { months: 3 });
    const resumed = await post(member, "resume");
    expect(resumed.body.subscription).toMatchObject({ status: "active", paused_until: null, has_access: true });
    expect(app.fake.subscriptions.get(member.subscriptionId)!.pause_collection).toBeNull();

    expectStatus(await post(member, "pause", { months: 4 }), 422);
    expectStatus(await post(member, "cancel", { at_period_end: "soon" }), 422);
    expectStatus(await post(member, "cancel", { at_period_end: true, reason: "bored" }), 422);
    const newcomer = await signUp();
    expect((await post(newcomer, "pause", { months: 1 })).body.error.code).toBe("subscription_not_active");
    expect((await post(newcomer, "cancel", { at_period_end: true })).body.error.code).toBe("subscription_not_active");
    expectStatus(await app.call("POST", "/api/accounts/subscription/pause", { body: { months: 1 } }), 403);
  });
});

describe("promotion codes", () => {
  const invoicesOf = (subscriptionId: string) => [...app.fake.invoices.values()].filter((i) => i.parent.subscription_details.subscription === subscriptionId);

  it("Checkout lets the customer type a code; the discount is stored and the invoice discounted", async () => {
    app.fake.addPromotionCode("TYPED10", { percent_off: 10, duration: "forever" });
    const member = await signUp();
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard" } });
    const session = app.fake.checkoutSessions.get(sessionIdOf(answer.body.error.details.checkout_url))!;
    expect(session.allow_promotion_codes).toBe(true);
    const from = app.fake.events.length;
    const subscription = app.fake.completeCheckout(session.id, { promotionCode: "TYPED10" });
    expect(app.fake.eventsSince(from, "customer.discount.created")).toHaveLength(1);
    await deliverSince(from);
    expect((await app.call("GET", "/api/accounts/subscription", { token: member.token })).body.discount).toEqual({
      code: "TYPED10", percent_off: 10, amount_off_cents: null, currency: null, duration: "forever", duration_in_months: null, ends_at: null,
    });
    expect(invoicesOf(subscription.id)[0].amount_paid).toBe(Math.round(1549 * 0.9));
  });

  it("a code given with the plan goes to Checkout, and yearly billing with it", async () => {
    app.fake.addPromotionCode("YEAR20", { percent_off: 20, duration: "once" });
    const member = await signUp();
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard", interval: "year", coupon: "year20" } });
    expect(answer.status).toBe(402);
    const session = app.fake.checkoutSessions.get(sessionIdOf(answer.body.error.details.checkout_url))!;
    const request = requestsTo("POST", /^\/v1\/checkout\/sessions$/).at(-1)!;
    expect(request.params.discounts).toEqual([{ promotion_code: [...app.fake.promotionCodes.values()].find((p) => p.code === "YEAR20")!.id }]);
    expect(request.params.allow_promotion_codes).toBeUndefined();
    const from = app.fake.events.length;
    const subscription = app.fake.completeCheckout(session.id);
    await deliverSince(from);
    const read = (await app.call("GET", "/api/accounts/subscription", { token: member.token })).body;
    expect(read).toMatchObject({ interval: "year", discount: { code: "YEAR20", percent_off: 20, duration: "once", ends_at: read.current_period_end } });
    expect(invoicesOf(subscription.id)[0].amount_paid).toBe(Math.round(14900 * 0.8));
  });

  it("a code on a plan change discounts the change; its webhooks replayed out of order agree; a bad or spent code is 422 and changes nothing", async () => {
    app.fake.addPromotionCode("UPGRADE5", { amount_off: 500, duration: "repeating", duration_in_months: 3 }, { max_redemptions: 1 });
    const member = await subscribed("basic");
    const from = app.fake.events.length;
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium", coupon: "UPGRADE5" } });
    expect(answer.status).toBe(200);
    expect(answer.body.subscription).toMatchObject({ plan: "premium", discount: { code: "UPGRADE5", amount_off_cents: 500, currency: "usd", duration: "repeating", duration_in_months: 3 } });
    const events = app.fake.events.slice(from);
    expect(events.map((e) => e.type)).toContain("customer.discount.created");
    for (const event of [...events].reverse().concat(events)) expect((await app.deliver(event)).status).toBe(200);
    expect((await subscriptionOf(member)).discount).toMatchObject({ code: "UPGRADE5" });

    const other = await subscribed("basic");
    const spent = await app.call("PUT", "/api/accounts/subscription", { token: other.token, body: { subscription: "premium", coupon: "UPGRADE5" } });
    expectStatus(spent, 422);
    expect(spent.body.error).toMatchObject({ code: "coupon_invalid", details: { coupon: "UPGRADE5", reason: "used_up" } });
    expect((await app.call("PUT", "/api/accounts/subscription", { token: other.token, body: { subscription: "premium", coupon: "NOSUCH" } })).body.error.details.reason).toBe("not_found");
    expect(await subscriptionOf(other)).toMatchObject({ plan: "basic", discount: null });
  });
});

describe("the charge preview", () => {
  const preview = (member: Member, query: string) => app.call("GET", `/api/accounts/subscription/preview?${query}`, { token: member.token });
  const DAY_S = 86_400;
  const changeInvoice = (subscriptionId: string) =>
    [...app.fake.invoices.values()].find((i) => i.parent.subscription_details.subscription === subscriptionId && i.billing_reason === "subscription_update");

  it("an upgrade shows Stripe's prorated charge, which is what the change then charges; the preview changes nothing", async () => {
    const member = await subscribed("basic", { startedAt: Math.floor(Date.now() / 1000) - 15 * DAY_S });
    const updatesBefore = requestsTo("POST", new RegExp(`^/v1/subscriptions/${member.subscriptionId}$`)).length;
    const shown = await preview(member, "subscription=premium");
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({ plan: "premium", interval: "month", applies: "now", currency: "usd", discount_cents: 0 });
    expect(shown.body.lines).toHaveLength(2);
    // Half the month was left: (2499 - 799) / 2.
    expect(Math.abs(shown.body.amount_due_now_cents - (2499 - 799) / 2)).toBeLessThan(5);
    const period = app.fake.subscriptions.get(member.subscriptionId)!.items.data[0];
    expect(shown.body.next_charge).toEqual({ at: new Date(period.current_period_end * 1000).toISOString(), amount_cents: 2499 });
    const previews = requestsTo("POST", /^\/v1\/invoices\/create_preview$/).filter((r) => r.params.subscription === member.subscriptionId);
    expect(previews.map((r) => [r.params.subscription_details.proration_behavior, r.params.preview_mode ?? "next"]).sort()).toEqual([["always_invoice", "next"], ["none", "recurring"]]);
    expect(requestsTo("POST", new RegExp(`^/v1/subscriptions/${member.subscriptionId}$`))).toHaveLength(updatesBefore);
    expect(await subscriptionOf(member)).toMatchObject({ plan: "basic" });

    expect((await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } })).status).toBe(200);
    expect(Math.abs(changeInvoice(member.subscriptionId)!.amount_paid - shown.body.amount_due_now_cents)).toBeLessThanOrEqual(1);
  });

  it("monthly to yearly: a new year now, less the unused month; a downgrade charges nothing until the period's end", async () => {
    const member = await subscribed("standard", { startedAt: Math.floor(Date.now() / 1000) - 15 * DAY_S });
    const yearly = (await preview(member, "subscription=standard&interval=year")).body;
    expect(yearly).toMatchObject({ applies: "now", interval: "year", next_charge: { amount_cents: 14900 } });
    expect(Math.abs(yearly.amount_due_now_cents - (14900 - 1549 / 2))).toBeLessThan(5);
    expect(Math.abs(new Date(yearly.next_charge.at).getTime() - Date.now() - 365 * DAY_S * 1000)).toBeLessThan(60_000);

    const down = (await preview(member, "subscription=basic")).body;
    const periodEnd = new Date(app.fake.subscriptions.get(member.subscriptionId)!.items.data[0].current_period_end * 1000).toISOString();
    expect(down).toEqual({
      plan: "basic",
      interval: "month",
      applies: "period_end",
      effective_at: periodEnd,
      currency: "usd",
      lines: [],
      subtotal_cents: 0,
      discount_cents: 0,
      amount_due_now_cents: 0,
      next_charge: { at: periodEnd, amount_cents: 799 },
    });

    expect((await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard", interval: "year" } })).status).toBe(200);
    expect(Math.abs(changeInvoice(member.subscriptionId)!.amount_paid - yearly.amount_due_now_cents)).toBeLessThanOrEqual(1);
  });

  it("a new subscription with a promotion code: the first invoice discounted, not redeemed by the preview; a bad code is 422", async () => {
    app.fake.addPromotionCode("FIRSTYEAR", { percent_off: 20, duration: "once" }, { max_redemptions: 1 });
    const member = await signUp();
    const shown = await preview(member, "subscription=standard&interval=year&coupon=firstyear");
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({ applies: "now", subtotal_cents: 14900, discount_cents: 2980, amount_due_now_cents: 11920, next_charge: { amount_cents: 14900 } });
    expect([...app.fake.promotionCodes.values()].find((p) => p.code === "FIRSTYEAR")).toMatchObject({ times_redeemed: 0 });
    expect(app.fake.customersOfAccount(member.accountId)).toEqual([]);
    expect((await subscriptionOf(member)).status).toBe("none");

    expectStatus(await preview(member, "subscription=standard&coupon=NOPE"), 422);
    expectStatus(await preview(member, "subscription=standard&coupon=FIRSTYEAR&extra=1"), 422);
  });

  it("an interval Stripe does not sell is 409 interval_unavailable, as for the change", async () => {
    const limited = await startStripeApp({ STRIPE_PRICE_BASIC_YEARLY: "" });
    try {
      const username = `limited_${randomUUID().slice(0, 8)}`;
      await limited.call("POST", "/api/accounts/new", { body: { username, password: "correct horse battery", email: `${username}@example.com` } });
      const token = (await limited.call("POST", "/api/accounts/token", { body: { username, password: "correct horse battery" } })).body.bearer_token;
      const refused = await limited.call("GET", "/api/accounts/subscription/preview?subscription=basic&interval=year", { token });
      expectStatus(refused, 409);
      expect(refused.body.error.code).toBe("interval_unavailable");
    } finally {
      await limited.stop();
    }
  });
});

describe("failed payments", () => {
  it("a declined renewal makes the subscription past_due: access continues through the grace period", async () => {
    const member = await subscribed("standard");
    app.fake.declineCards(customerOf(member));
    await reachPeriodEnd(member.subscriptionId);
    const view = await subscriptionOf(member);
    expect(view).toMatchObject({ status: "past_due", has_access: true });
    const graceEnd = new Date(view.grace_period_ends_at).getTime();
    // BILLING_GRACE_DAYS defaults to 7, counted from the failed charge (the renewal, 30 days from now).
    expect(graceEnd).toBeGreaterThan(Date.now() + 36 * 86_400_000);
    expect((await app.call("POST", "/api/profiles/Still%20here/new", { token: member.token })).status).toBe(200);
    const history = (await app.call("GET", "/api/accounts/invoices", { token: member.token })).body;
    expect(history.items[0]).toMatchObject({ status: "open", amount_paid: 0, amount_due: 1549 });
  });

  it("access ends once the grace period after the failed charge is over", async () => {
    // The subscription started 38 days ago, so its renewal failed 8 days ago: one day past a 7-day grace.
    const member = await subscribed("standard", { startedAt: Math.floor(Date.now() / 1000) - 38 * 86_400 });
    expect((await subscriptionOf(member)).has_access).toBe(true);
    app.fake.declineCards(customerOf(member));
    await reachPeriodEnd(member.subscriptionId);
    const view = await subscriptionOf(member);
    expect(view).toMatchObject({ status: "past_due", has_access: false });
    expect(new Date(view.grace_period_ends_at).getTime()).toBeLessThan(Date.now());
    expect((await me(member)).profile_limit).toBe(1);
    expect((await app.call("POST", "/api/profiles/Kept/new", { token: member.token })).status).toBe(200);
    expectStatus(await app.call("POST", "/api/profiles/Gone/new", { token: member.token }), 426);
  });
});

describe("the webhook", () => {
  it("applies an event once: a redelivery is a no-op", async () => {
    const member = await signUp();
    const started = await app.call("POST", "/api/billing/checkout", { token: member.token, body: { plan: "premium" } });
    const from = app.fake.events.length;
    app.fake.completeCheckout(sessionIdOf(started.body.url));
    const completed = app.fake.eventsSince(from, "checkout.session.completed")[0];
    expect((await app.deliver(completed)).body).toMatchObject({ received: true, event_id: completed.id, result: "applied" });
    expect((await app.deliver(completed)).body.result).toBe("duplicate");
    const twice = await Promise.all([app.deliver(completed), app.deliver(completed)]);
    expect(twice.map((r) => r.body.result)).toEqual(["duplicate", "duplicate"]);

    // Two deliveries of a new event at the same moment: one applies, the other finds it recorded.
    const paid = app.fake.eventsSince(from, "invoice.paid")[0];
    const together = await Promise.all([app.deliver(paid), app.deliver(paid), app.deliver(paid)]);
    expect(together.map((r) => r.body.result).sort()).toEqual(["applied", "duplicate", "duplicate"]);
    expect(await subscriptionOf(member)).toMatchObject({ plan: "premium", status: "active" });
  });

  it("events delivered late and out of order never move the state backwards", async () => {
    const member = await subscribed("basic");
    const from = app.fake.events.length;
    await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } });
    await app.call("DELETE", "/api/accounts/subscription", { token: member.token });
    const updates = app.fake.eventsSince(from, "customer.subscription.updated");
    expect(updates.length).toBeGreaterThanOrEqual(2);

    // Newest first, then the older ones: each event's payload is stale by then, but the state stays the newest.
    for (const event of [...updates].reverse()) expect((await app.deliver(event)).body.result).toBe("applied");
    const created = app.fake.events.find((e) => e.type === "customer.subscription.created" && e.data.object.id === member.subscriptionId)!;
    expect((await app.deliver(created)).body.result).toBe("duplicate");
    expect(await subscriptionOf(member)).toMatchObject({ plan: "premium", status: "active", cancel_at_period_end: true });

    // A late notice about an old, ended subscription cannot replace the account's live one.
    const old = await subscribed("basic");
    await app.call("DELETE", "/api/accounts/subscription", { token: old.token });
    const ending = app.fake.events.length;
    app.fake.reachPeriodEnd(old.subscriptionId);
    const deleted = app.fake.eventsSince(ending, "customer.subscription.deleted")[0];
    const renewed = await app.call("PUT", "/api/accounts/subscription", { token: old.token, body: { subscription: "standard" } });
    expect(renewed.body.subscription).toMatchObject({ plan: "standard", status: "active" });
    expect((await app.deliver(deleted)).body.result).toBe("applied");
    expect(await subscriptionOf(old)).toMatchObject({ plan: "standard", status: "active", has_access: true });
  });

  it("rejects a bad signature with 400 and changes nothing", async () => {
    const member = await signUp();
    const started = await app.call("POST", "/api/billing/checkout", { token: member.token, body: { plan: "standard" } });
    const from = app.fake.events.length;
    app.fake.completeCheckout(sessionIdOf(started.body.url));
    const completed = app.fake.eventsSince(from, "checkout.session.completed")[0];

    const wrongSecret = await app.deliver(completed, "whsec_someone_else");
    expectStatus(wrongSecret, 400);
    expect(wrongSecret.body.error.code).toBe("invalid_signature");
    const unsigned = await app.call("POST", "/api/billing/webhook", { raw: JSON.stringify(completed) });
    expectStatus(unsigned, 400);
    // A valid signature over different bytes: the body was altered on the way.
    const signed = signedHeader(JSON.stringify(completed));
    const tampered = await app.call("POST", "/api/billing/webhook", { raw: JSON.stringify({ ...completed, type: "invoice.paid" }), headers: { "stripe-signature": signed } });
    expectStatus(tampered, 400);
    expect((await subscriptionOf(member)).status).toBe("none");

    // Nothing was recorded either: the genuine delivery still applies.
    expect((await app.deliver(completed)).body.result).toBe("applied");
    expect((await subscriptionOf(member)).plan).toBe("standard");
  });

  it("answers 200 to a signed event whose object Stripe no longer has, so Stripe stops retrying", async () => {
    const member = await subscribed("standard");
    const from = app.fake.events.length;
    await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "premium" } });
    const updated = app.fake.eventsSince(from, "customer.subscription.updated")[0];
    const paid = app.fake.eventsSince(from, "invoice.paid")[0];
    app.fake.forget(member.subscriptionId);
    app.fake.forget(paid.data.object.id);

    for (const event of [updated, paid]) {
      const answer = await app.deliver(event);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toEqual({ received: true, event_id: event.id, result: "ignored" });
    }
    expect(app.server.output()).toContain(`Stripe webhook ${updated.id} (customer.subscription.updated) ignored: No such subscription`);
    // What NormFlix stored stays as it was.
    expect(await subscriptionOf(member)).toMatchObject({ plan: "premium", status: "active" });
  });

  it("refuses a chunked body past MAX_BODY_BYTES with 413, and keeps serving", async () => {
    // Three times the 1 MiB default, in chunks with no Content-Length for the server to check up front. Sent on a raw
    // socket, all at once: the server answers and drops the connection before the body ends, and Node's HTTP client
    // would report that instead of the answer it already received.
    const { hostname, port } = new URL(app.server.url);
    const chunk = Buffer.alloc(64 * 1024, "x");
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
    const answer = await new Promise<{ status: number; body: string }>((resolve) => {
      const socket = net.connect(Number(port), hostname);
      let received = "";
      socket.on("data", (data) => (received += data));
      socket.on("error", () => undefined); // the connection closed by the server mid-body: expected
      socket.on("close", () => resolve({ status: Number(received.split(" ")[1]), body: received.slice(received.indexOf("{"), received.lastIndexOf("}") + 1) }));
      socket.write(`POST /api/billing/webhook HTTP/1.1\r\nHost: ${hostname}\r\nTransfer-Encoding: chunked\r\nStripe-Signature: t=1,v1=00\r\n\r\n`);
      for (let i = 0; i < 48; i++) socket.write(frame);
      socket.end("0\r\n\r\n");
    });
    expect(answer.status, answer.body).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");

    // Still up, and signed deliveries still apply.
    const event = { ...app.fake.events[0], id: `evt_${randomUUID()}`, type: "customer.tax_id.created" };
    expect((await app.deliver(event)).body).toMatchObject({ received: true, event_id: event.id, result: "ignored" });
    const member = await subscribed("basic");
    expect(await subscriptionOf(member)).toMatchObject({ plan: "basic", status: "active" });
  });

  it("acknowledges events it does not use without acting on them", async () => {
    const event = { ...app.fake.events[0], id: `evt_${randomUUID()}`, type: "customer.tax_id.created" };
    expect((await app.deliver(event)).body).toMatchObject({ received: true, result: "ignored" });
  });
});

describe("the Customer Portal, plans and the contract", () => {
  it("shows the prices Stripe charges, with the plans' limits", async () => {
    const plans = (await app.call("GET", "/api/plans")).body.items;
    expect(plans.map((p: { id: string; price_cents: number }) => [p.id, p.price_cents])).toEqual([["basic", 799], ["standard", 1549], ["premium", 2499]]);
    expect(plans[2]).toMatchObject({ currency: "usd", interval: "month", max_streams: 4, max_quality: "2160p" });
    expect(plans.map((p: { prices: unknown }) => p.prices)).toEqual(
      [[799, 7900], [1549, 14900], [2499, 23900]].map(([month, year]) => [
        { interval: "month", price_cents: month, currency: "usd" },
        { interval: "year", price_cents: year, currency: "usd" },
      ]),
    );
  });

  it("opens a portal session that returns to the account page", async () => {
    const member = await subscribed("basic");
    const portal = await app.call("POST", "/api/billing/portal", { token: member.token });
    expect(portal.status).toBe(200);
    expect(portal.body.url.startsWith(`${app.fake.url}/portal/`)).toBe(true);
    const request = requestsTo("POST", /^\/v1\/billing_portal\/sessions$/).at(-1)!;
    expect(request.params).toMatchObject({ customer: customerOf(member), return_url: `${APP_URL}/account` });
  });

  it("an email change reaches the Stripe customer, so receipts go to the new address", async () => {
    const member = await subscribed("basic");
    const email = `moved_${randomUUID().slice(0, 8)}@example.com`;
    expect((await app.call("PUT", "/api/accounts/email", { token: member.token, body: { email } })).status).toBe(200);
    expect(app.fake.customers.get(customerOf(member))!.email).toBe(email);
  });

  it("keeps the contract's status codes: 403 without a token, 422 for an unknown plan, 200 cancelling nothing", async () => {
    expectStatus(await app.call("PUT", "/api/accounts/subscription", { body: { subscription: "basic" } }), 403);
    expectStatus(await app.call("DELETE", "/api/accounts/subscription"), 403);
    const member = await signUp();
    expectStatus(await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "gold" } }), 422);
    const none = await app.call("DELETE", "/api/accounts/subscription", { token: member.token });
    expect(none.status).toBe(200);
    expect(none.body.subscription.status).toBe("none");
    expect((await app.call("GET", "/api/accounts/invoices", { token: member.token })).body).toMatchObject({ items: [], total: 0 });
  });
});

function expectStatus(response: { status: number; body: any }, status: number) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(typeof response.body?.error?.code).toBe("string");
}

function signedHeader(payload: string) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
}
