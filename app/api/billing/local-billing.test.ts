// Billing on the shared test server, which runs the local provider (no Stripe keys).
import { describe, expect, it } from "vitest";
import { api, createAccount, expectEnvelope } from "@/test/http";

describe("billing without Stripe (local provider)", () => {
  it("a checkout applies the plan at once and leads back to the account page", async () => {
    const { token } = await createAccount();
    const started = await api("POST", "/api/billing/checkout", { token, body: { plan: "standard" } });
    expect(started.status).toBe(200);
    expect(new URL(started.body.url).pathname + new URL(started.body.url).search).toBe("/account?billing=success");
    expect((await api("GET", "/api/accounts/me", { token })).body.subscription).toMatchObject({ plan: "standard", status: "active", has_access: true });
  });

  it("has no portal (409), an honest empty billing history, and no webhook (404)", async () => {
    const { token } = await createAccount();
    await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "premium" } });
    expectEnvelope(await api("POST", "/api/billing/portal", { token }), 409, "billing_portal_unavailable");
    expect((await api("GET", "/api/accounts/invoices", { token })).body).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
    expectEnvelope(await api("POST", "/api/billing/webhook", { raw: "{}", headers: { "stripe-signature": "t=1,v1=x" } }), 404, "not_found");
  });

  it("requires a bearer token and validates input", async () => {
    expectEnvelope(await api("POST", "/api/billing/checkout", { body: { plan: "basic" } }), 403, "forbidden");
    expectEnvelope(await api("GET", "/api/accounts/invoices"), 403, "forbidden");
    const { token } = await createAccount();
    expectEnvelope(await api("POST", "/api/billing/checkout", { token, body: { plan: "platinum" } }), 422, "validation_failed");
    expectEnvelope(await api("GET", "/api/accounts/invoices?limit=500", { token }), 422, "validation_failed");
  });

  it("lists a monthly and a yearly price per plan, the yearly one cheaper than twelve months", async () => {
    const plans = (await api("GET", "/api/plans")).body.items;
    for (const plan of plans) {
      expect(plan.prices.map((price: { interval: string }) => price.interval)).toEqual(["month", "year"]);
      const [month, year] = plan.prices;
      expect(month).toEqual({ interval: "month", price_cents: plan.price_cents, currency: plan.currency });
      expect(year.price_cents).toBeLessThan(month.price_cents * 12);
    }
  });

  it("subscribes yearly, keeps the interval on a plan change that names only the plan, and starts a new period on another interval", async () => {
    const { token } = await createAccount();
    expect((await api("GET", "/api/accounts/subscription", { token })).body).toMatchObject({ plan: null, status: "none", interval: null, has_access: false });

    const yearly = await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "standard", interval: "year" } });
    expect(yearly.status).toBe(200);
    expect(yearly.body.subscription).toMatchObject({ plan: "standard", interval: "year", status: "active", has_access: true });
    const yearEnd = new Date(yearly.body.subscription.current_period_end).getTime();
    expect(Math.round((yearEnd - Date.now()) / DAY)).toBe(365);

    // The contract's body alone changes the plan and keeps the yearly billing and its period.
    const upgraded = await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "premium" } });
    expect(upgraded.body.subscription).toMatchObject({ plan: "premium", interval: "year", current_period_end: yearly.body.subscription.current_period_end });

    const monthly = await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "premium", interval: "month" } });
    expect(monthly.body.subscription).toMatchObject({ plan: "premium", interval: "month" });
    expect(Math.round((new Date(monthly.body.subscription.current_period_end).getTime() - Date.now()) / DAY)).toBe(30);

    const read = await api("GET", "/api/accounts/subscription", { token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ plan: "premium", interval: "month", status: "active", cancel_at_period_end: false, scheduled_interval: null });
    expect((await api("GET", "/api/accounts/me", { token })).body.subscription).toMatchObject({ plan: "premium", interval: "month" });
  });

  it("a checkout can start yearly; a bad interval is 422 and the subscription needs a token", async () => {
    const { token } = await createAccount();
    expect((await api("POST", "/api/billing/checkout", { token, body: { plan: "basic", interval: "year" } })).status).toBe(200);
    expect((await api("GET", "/api/accounts/subscription", { token })).body).toMatchObject({ plan: "basic", interval: "year" });
    expectEnvelope(await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "basic", interval: "week" } }), 422, "validation_failed");
    expectEnvelope(await api("GET", "/api/accounts/subscription?plan=basic", { token }), 422, "unknown_parameter");
    expectEnvelope(await api("GET", "/api/accounts/subscription"), 403, "forbidden");
  });
});

describe("cancel, resume and pause without Stripe", () => {
  const post = (token: string, action: string, body?: unknown) => api("POST", `/api/accounts/subscription/${action}`, { token, body });

  it("pauses for 1–3 months (no access, the period moved back), resumes early, cancels at period end or now", async () => {
    const { token } = await createAccount();
    expectEnvelope(await post(token, "pause", { months: 1 }), 409, "subscription_not_active");
    const start = (await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "standard" } })).body.subscription;

    const paused = await post(token, "pause", { months: 2 });
    expect(paused.status).toBe(200);
    expect(paused.body.subscription).toMatchObject({ status: "paused", has_access: false });
    expect(Math.round((new Date(paused.body.subscription.paused_until).getTime() - Date.now()) / DAY)).toBe(60);
    expect(new Date(paused.body.subscription.current_period_end).getTime() - new Date(start.current_period_end).getTime()).toBe(60 * DAY);
    expect((await api("GET", "/api/accounts/me", { token })).body.profile_limit).toBe(1);
    expectEnvelope(await post(token, "pause", { months: 1 }), 409, "subscription_not_pausable");

    const resumed = await post(token, "resume");
    expect(resumed.body.subscription).toMatchObject({ status: "active", paused_until: null, has_access: true });
    expectEnvelope(await post(token, "resume"), 409, "nothing_to_resume");

    const later = await post(token, "cancel", { at_period_end: true, reason: "switched_service", feedback: "Trying another service" });
    expect(later.body.subscription).toMatchObject({ status: "active", cancel_at_period_end: true, has_access: true });
    expect((await post(token, "resume")).body.subscription).toMatchObject({ cancel_at_period_end: false });

    const now = await post(token, "cancel", { at_period_end: false });
    expect(now.body.subscription).toMatchObject({ status: "canceled", has_access: false });
    expectEnvelope(await post(token, "resume"), 409, "subscription_not_active");
  });

  it("validates the bodies", async () => {
    const { token } = await createAccount();
    await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "basic" } });
    expectEnvelope(await post(token, "pause", { months: 0 }), 422, "validation_failed");
    expectEnvelope(await post(token, "pause", { months: 1.5 }), 422, "validation_failed");
    expectEnvelope(await post(token, "cancel", {}), 422, "validation_failed");
    expectEnvelope(await post(token, "cancel", { at_period_end: true, feedback: "x".repeat(2001) }), 422, "validation_failed");
    expectEnvelope(await api("POST", "/api/accounts/subscription/resume", { body: {} }), 403, "forbidden");
  });
});

const DAY = 86_400_000;
