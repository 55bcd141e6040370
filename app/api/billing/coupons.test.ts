// Local coupons: admins make them (POST /api/admin/coupons), members redeem them with a plan (PUT
// /api/accounts/subscription or POST /api/billing/checkout with `coupon`). On a server of its own, so its first
// account is the admin.
import { describe, expect, it } from "vitest";
import { useAdminServer } from "@/app/api/admin/test-server";

const server = useAdminServer();
const DAY = 86_400_000;
let admin: string;

async function adminToken() {
  admin ??= (await server.signUp("coupon_root")).token;
  return admin;
}

const create = async (body: unknown, token?: string) => server.call("POST", "/api/admin/coupons", { token: token ?? (await adminToken()), body });
const subscribe = (token: string, body: unknown) => server.call("PUT", "/api/accounts/subscription", { token, body });

function expectError(response: { status: number; body: any }, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe(code);
}

describe("local coupons", () => {
  it("admins create percent and amount coupons; the rules of a coupon are checked; viewers are refused", async () => {
    const made = await create({ code: "welcome20", percent_off: 20, duration: "repeating", duration_in_months: 3, max_redemptions: 1 });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ code: "WELCOME20", percent_off: 20, amount_off_cents: null, duration: "repeating", duration_in_months: 3, max_redemptions: 1, times_redeemed: 0 });
    expectError(await create({ code: "Welcome20", percent_off: 10, duration: "once" }), 409, "coupon_exists");
    expectError(await create({ code: "BOTH", percent_off: 10, amount_off_cents: 100, duration: "once" }), 422, "validation_failed");
    expectError(await create({ code: "NOMONTHS", percent_off: 10, duration: "repeating" }), 422, "validation_failed");
    expectError(await create({ code: "PAST", percent_off: 10, duration: "once", expires_at: "2020-01-01T00:00:00Z" }), 422, "validation_failed");
    const viewer = await server.signUp("coupon_viewer");
    expectError(await create({ code: "SNEAKY", percent_off: 100, duration: "forever" }, viewer.token), 403, "forbidden");
  });

  it("a member subscribes yearly with a coupon: the discount shows with its end; a spent, unknown or expired code is 422 and changes nothing", async () => {
    await create({ code: "ONEUSE", percent_off: 25, duration: "repeating", duration_in_months: 2, max_redemptions: 1 });
    const member = await server.signUp("coupon_member");
    const answer = await subscribe(member.token, { subscription: "standard", interval: "year", coupon: "oneuse" });
    expect(answer.status).toBe(200);
    expect(answer.body.subscription).toMatchObject({ plan: "standard", interval: "year", discount: { code: "ONEUSE", percent_off: 25, amount_off_cents: null, duration: "repeating", duration_in_months: 2 } });
    expect(Math.round((new Date(answer.body.subscription.discount.ends_at).getTime() - Date.now()) / DAY)).toBe(60);
    // A later plan change without a coupon keeps the discount running.
    const upgraded = await subscribe(member.token, { subscription: "premium" });
    expect(upgraded.body.subscription.discount).toMatchObject({ code: "ONEUSE" });
    expect((await server.call("GET", "/api/accounts/subscription", { token: member.token })).body.discount).toMatchObject({ code: "ONEUSE" });

    const other = await server.signUp("coupon_other");
    const spent = await subscribe(other.token, { subscription: "basic", coupon: "ONEUSE" });
    expectError(spent, 422, "coupon_invalid");
    expect(spent.body.error.details).toEqual({ coupon: "ONEUSE", reason: "used_up" });
    expect((await subscribe(other.token, { subscription: "basic", coupon: "NOPE" })).body.error.details.reason).toBe("not_found");
    expect((await server.call("GET", "/api/accounts/subscription", { token: other.token })).body.status).toBe("none");

    await create({ code: "SOONGONE", percent_off: 10, duration: "once", expires_at: new Date(Date.now() + 1500).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await subscribe(other.token, { subscription: "basic", coupon: "soongone" })).body.error.details.reason).toBe("expired");

    const list = (await server.call("GET", "/api/admin/coupons", { token: await adminToken() })).body;
    expect(list.items.find((c: { code: string }) => c.code === "ONEUSE")).toMatchObject({ times_redeemed: 1 });
  });

  it("an amount off for one period through checkout; admins delete coupons", async () => {
    await create({ code: "FIVEOFF", amount_off_cents: 500, duration: "once" });
    const member = await server.signUp("coupon_checkout");
    expect((await server.call("POST", "/api/billing/checkout", { token: member.token, body: { plan: "basic", coupon: "fiveoff" } })).status).toBe(200);
    const subscription = (await server.call("GET", "/api/accounts/subscription", { token: member.token })).body;
    expect(subscription.discount).toMatchObject({ code: "FIVEOFF", amount_off_cents: 500, currency: "usd", duration: "once", ends_at: subscription.current_period_end });

    expect((await server.call("DELETE", "/api/admin/coupons/fiveoff", { token: await adminToken() })).body).toEqual({ deleted: true });
    expectError(await server.call("DELETE", "/api/admin/coupons/FIVEOFF", { token: await adminToken() }), 404, "not_found");
    // The discount given keeps running.
    expect((await server.call("GET", "/api/accounts/subscription", { token: member.token })).body.discount).toMatchObject({ code: "FIVEOFF" });
  });
});

describe("the charge preview (local provider)", () => {
  const preview = (token: string, query: string) => server.call("GET", `/api/accounts/subscription/preview?${query}`, { token });

  it("a new subscription: the price, the coupon checked but not redeemed, and the renewal", async () => {
    await create({ code: "PREVIEW25", percent_off: 25, duration: "once", max_redemptions: 1 });
    const member = await server.signUp("preview_new");
    const plain = await preview(member.token, "subscription=standard&interval=year");
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    expect(plain.body).toMatchObject({
      plan: "standard",
      interval: "year",
      applies: "now",
      currency: "usd",
      lines: [{ description: "Standard (yearly)", amount_cents: 15490 }],
      subtotal_cents: 15490,
      discount_cents: 0,
      amount_due_now_cents: 15490,
      next_charge: { amount_cents: 15490 },
    });
    expect(Math.round((new Date(plain.body.next_charge.at).getTime() - Date.now()) / DAY)).toBe(365);

    const discounted = (await preview(member.token, "subscription=standard&interval=year&coupon=preview25")).body;
    // 25% off the first year only (a "once" coupon), as the change itself would give.
    expect(discounted).toMatchObject({ subtotal_cents: 15490, discount_cents: 3872, amount_due_now_cents: 11618, next_charge: { amount_cents: 15490 } });
    const coupons = (await server.call("GET", "/api/admin/coupons", { token: await adminToken() })).body.items;
    expect(coupons.find((c: { code: string }) => c.code === "PREVIEW25")).toMatchObject({ times_redeemed: 0 });
    expect((await server.call("GET", "/api/accounts/subscription", { token: member.token })).body.status).toBe("none");

    // What the preview said is what the change gives.
    const changed = (await subscribe(member.token, { subscription: "standard", interval: "year", coupon: "PREVIEW25" })).body.subscription;
    expect(changed.discount).toMatchObject({ code: "PREVIEW25", percent_off: 25 });
    expectError(await preview((await server.signUp("preview_late")).token, "subscription=basic&coupon=PREVIEW25"), 422, "coupon_invalid");
  });

  it("a change on a running period: the unused part credited, the new price for the rest (or a new period on another cycle)", async () => {
    const member = await server.signUp("preview_change");
    await subscribe(member.token, { subscription: "standard" });
    const upgrade = (await preview(member.token, "subscription=premium")).body;
    expect(upgrade).toMatchObject({ plan: "premium", interval: "month", applies: "now" });
    expect(upgrade.lines.map((line: { description: string }) => line.description)).toEqual(["Unused time on Standard (monthly)", "Remaining time on Premium (monthly)"]);
    // Nearly the whole month is left: about the difference of the monthly prices.
    expect(upgrade.lines[0].amount_cents).toBeGreaterThanOrEqual(-1549);
    expect(upgrade.lines[0].amount_cents).toBeLessThan(-1540);
    expect(Math.abs(upgrade.amount_due_now_cents - (2299 - 1549))).toBeLessThanOrEqual(2);
    expect(upgrade.next_charge.amount_cents).toBe(2299);
    const periodEnd = (await server.call("GET", "/api/accounts/subscription", { token: member.token })).body.current_period_end;
    expect(upgrade.next_charge.at).toBe(periodEnd);

    const yearly = (await preview(member.token, "subscription=standard&interval=year")).body;
    expect(yearly.lines[1]).toEqual({ description: "Standard (yearly)", amount_cents: 15490 });
    expect(Math.abs(yearly.amount_due_now_cents - (15490 - 1549))).toBeLessThanOrEqual(2);
    expect(Math.round((new Date(yearly.next_charge.at).getTime() - Date.now()) / DAY)).toBe(365);

    // A downgrade is a credit: nothing is due now.
    const downgrade = (await preview(member.token, "subscription=basic")).body;
    expect(downgrade.subtotal_cents).toBeLessThan(0);
    expect(downgrade).toMatchObject({ discount_cents: 0, amount_due_now_cents: 0, next_charge: { amount_cents: 799 } });
    expect((await preview(member.token, "subscription=standard")).body).toMatchObject({ lines: [], amount_due_now_cents: 0, next_charge: { amount_cents: 1549 } });
    expect((await server.call("GET", "/api/accounts/subscription", { token: member.token })).body).toMatchObject({ plan: "standard", interval: "month" });
  });

  it("refuses what the change would refuse, and parameters it does not take", async () => {
    const member = await server.signUp("preview_bad");
    expectError(await preview(member.token, "subscription=platinum"), 422, "validation_failed");
    expectError(await preview(member.token, "interval=year"), 422, "validation_failed");
    expectError(await preview(member.token, "subscription=basic&plan=basic"), 422, "unknown_parameter");
    expectError(await preview(member.token, "subscription=basic&coupon=NOSUCHCODE"), 422, "coupon_invalid");
    expectError(await server.call("GET", "/api/accounts/subscription/preview?subscription=basic"), 403, "forbidden");
  });
});
