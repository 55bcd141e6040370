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
});
