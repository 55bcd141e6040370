// The notifications API on a server of its own with Stripe billing (a fake Stripe, webhooks signed by the real
// library): a failed payment notifies once however its webhooks arrive, and the endpoints take exactly their inputs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeApp, type StripeApp } from "@/test/fake-stripe/app-server";

let app: StripeApp;
beforeAll(async () => {
  app = await startStripeApp();
});
afterAll(() => app?.stop());

let ip = 0;
async function signUp() {
  const username = `n_${randomUUID().slice(0, 8)}`;
  const password = "correct horse battery";
  expect((await app.call("POST", "/api/accounts/new", { body: { username, password, email: `${username}@example.com` } })).status).toBe(200);
  const token = (await app.call("POST", "/api/accounts/token", { body: { username, password }, headers: { "x-forwarded-for": `10.8.0.${++ip}` } })).body.bearer_token;
  return { token, username, password, accountId: (await app.call("GET", "/api/accounts/me", { token })).body.id as string };
}

async function deliverSince(from: number) {
  for (const event of app.fake.events.slice(from)) expect((await app.deliver(event)).status).toBe(200);
}

const notifications = async (token: string, query = "") => (await app.call("GET", `/api/notifications${query}`, { token })).body;

describe("a failed payment", () => {
  it("notifies the account once, whatever webhooks report it and however often", async () => {
    const member = await signUp();
    const answer = await app.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "standard" } });
    let from = app.fake.events.length;
    const subscription = app.fake.completeCheckout(answer.body.error.details.checkout_url.split("/").pop());
    await deliverSince(from);
    expect((await notifications(member.token)).total).toBe(0);

    app.fake.declineCards(app.fake.customersOfAccount(member.accountId)[0].id);
    from = app.fake.events.length;
    app.fake.reachPeriodEnd(subscription.id);
    // invoice.finalized (re-read: already declined), invoice.payment_failed and the subscription's update all report it.
    await deliverSince(from);
    const failed = app.fake.eventsSince(from, "invoice.payment_failed")[0];
    expect((await app.deliver(failed)).body.result).toBe("duplicate");
    // Another event about the same declined attempt (a new event id): still the same news.
    expect((await app.deliver({ ...failed, id: `evt_${randomUUID().slice(0, 12)}` })).body.result).toBe("applied");

    const list = await notifications(member.token, "?type=payment_failed");
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ type: "payment_failed", url: "/account", profile: null, read: false, data: { attempt: 1, amount_due: 1549, currency: "usd" } });
    expect(list.items[0].body).toContain("$15.49");
    expect(list.unread_count).toBe(1);
  });
});

describe("the endpoints", () => {
  it("list, read and read-all, with the unread count", async () => {
    const member = await signUp();
    // A second sign-in from another device: a notification of the account.
    await app.call("POST", "/api/accounts/token", { body: { username: member.username, password: member.password }, headers: { "x-forwarded-for": "10.8.1.1", "user-agent": "NewPhone/1.0" } });
    const list = await notifications(member.token, "?unread=true");
    expect(list).toMatchObject({ total: 1, limit: 20, offset: 0, unread_count: 1 });
    const [item] = list.items;
    expect(item).toMatchObject({ type: "new_device", read: false, read_at: null });
    const read = await app.call("PUT", `/api/notifications/${item.id}/read`, { token: member.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: item.id, read: true, unread_count: 0 });
    expect((await notifications(member.token, "?unread=true")).total).toBe(0);
    expect((await notifications(member.token, "?unread=false")).total).toBe(1);
    expect((await app.call("PUT", "/api/notifications/read-all", { token: member.token })).body).toEqual({ marked: 0, unread_count: 0 });
    // Someone else's notification does not exist for this account.
    const other = await signUp();
    expect((await app.call("PUT", `/api/notifications/${item.id}/read`, { token: other.token })).status).toBe(404);
  });

  it("settings: read, change what is named, refuse anything else", async () => {
    const { token } = await signUp();
    const initial = (await app.call("GET", "/api/notifications/settings", { token })).body;
    expect(initial.types.new_device).toEqual({ in_site: true, email: false });
    const put = await app.call("PUT", "/api/notifications/settings", {
      token,
      body: { types: { new_device: { in_site: false } }, quiet_hours: { start: "22:30", end: "07:00", time_zone: "Europe/Berlin" } },
    });
    expect(put.status).toBe(200);
    expect(put.body.types.new_device).toEqual({ in_site: false, email: false });
    expect(put.body.quiet_hours).toEqual({ start: "22:30", end: "07:00", time_zone: "Europe/Berlin" });
    expect((await app.call("GET", "/api/notifications/settings", { token })).body).toEqual(put.body);
    const refused = [
      { quiet_hours: { start: "22:30", end: "07:00", time_zone: "Mars/Olympus" } },
      { quiet_hours: { start: "25:00", end: "07:00", time_zone: "UTC" } },
      { types: { spam: { email: true } } },
      { types: { new_device: { sms: true } } },
      { colour: "red" },
    ];
    for (const body of refused) expect((await app.call("PUT", "/api/notifications/settings", { token, body })).status).toBe(422);
    expect((await app.call("PUT", "/api/notifications/settings", { token, body: { quiet_hours: null } })).body.quiet_hours).toBeNull();
  });

  it("refuse unknown parameters and values, and callers without a token", async () => {
    const { token } = await signUp();
    for (const query of ["?unread=yes", "?type=spam", "?colour=red", "?limit=0"]) {
      expect((await app.call("GET", `/api/notifications${query}`, { token })).status).toBe(422);
    }
    expect((await app.call("GET", "/api/notifications?profile=Nobody", { token })).status).toBe(404);
    expect((await app.call("GET", "/api/notifications")).status).toBe(403);
    expect((await app.call("GET", "/api/notifications/events")).status).toBe(403);
    expect((await app.call("PUT", "/api/notifications/not-an-id/read", { token })).status).toBe(422);
  });
});
