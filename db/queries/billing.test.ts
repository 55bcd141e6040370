// The guarantees billing relies on, at the query level: one customer claim per account, an event applied once, and
// an older read of a Stripe subscription never overwriting a newer one.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useDatabase } from "@/test/database";
import { insertAccount } from "./accounts";
import { applyBillingEventOnce, claimBillingCustomer, findBillingCustomer, hasBillingEvent, pruneBillingEvents, setBillingCustomerId } from "./billing";
import { findSubscription, storeStripeSubscription } from "./subscriptions";

useDatabase();

const newAccount = async () => {
  const name = `q_${randomUUID().slice(0, 8)}`;
  return (await insertAccount({ username: name, email: `${name}@example.com`, passwordHash: "x" })).id;
};

const stripeRow = (accountId: string, changes: Partial<Parameters<typeof storeStripeSubscription>[0]>) => ({
  accountId,
  plan: "basic" as const,
  status: "active" as const,
  provider: "stripe",
  stripeSubscriptionId: `sub_a_${accountId}`,
  syncedAt: new Date(),
  ...changes,
});

describe("billing queries", () => {
  it("lets exactly one of many concurrent callers claim the customer creation", async () => {
    const accountId = await newAccount();
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimBillingCustomer(accountId, 30_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await setBillingCustomerId(accountId, `cus_${accountId}`);
    expect(await claimBillingCustomer(accountId, 0)).toBe(false); // a finished claim is never taken over
    expect((await findBillingCustomer(accountId))?.stripeCustomerId).toBe(`cus_${accountId}`);
  });

  it("prunes only the event ids received before the cut-off", async () => {
    const id = `evt_${randomUUID()}`;
    await applyBillingEventOnce({ id, type: "invoice.paid" }, async () => undefined);
    await pruneBillingEvents(new Date(Date.now() - 60_000));
    expect(await hasBillingEvent(id)).toBe(true);
    expect(await pruneBillingEvents(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    expect(await hasBillingEvent(id)).toBe(false);
  });

  it("runs an event's effect once, and not at all when the effect fails", async () => {
    const id = `evt_${randomUUID()}`;
    let runs = 0;
    await expect(applyBillingEventOnce({ id, type: "invoice.paid" }, async () => { throw new Error("Stripe down"); })).rejects.toThrow();
    expect(await applyBillingEventOnce({ id, type: "invoice.paid" }, async () => void runs++)).toBe(true);
    expect(await applyBillingEventOnce({ id, type: "invoice.paid" }, async () => void runs++)).toBe(false);
    expect(runs).toBe(1);
  });

  it("keeps the newest read of a subscription, and a live subscription over a late notice about an ended one", async () => {
    const accountId = await newAccount();
    const t = Date.now();
    await storeStripeSubscription(stripeRow(accountId, { plan: "premium", syncedAt: new Date(t) }));
    expect(await storeStripeSubscription(stripeRow(accountId, { plan: "basic", syncedAt: new Date(t - 1000) }))).toBeUndefined();
    expect((await findSubscription(accountId))?.plan).toBe("premium");

    await storeStripeSubscription(stripeRow(accountId, { stripeSubscriptionId: `sub_b_${accountId}`, plan: "standard", syncedAt: new Date(t + 1000) }));
    const late = stripeRow(accountId, { stripeSubscriptionId: `sub_a_${accountId}`, status: "canceled", syncedAt: new Date(t + 2000) });
    expect(await storeStripeSubscription(late)).toBeUndefined();
    expect(await findSubscription(accountId)).toMatchObject({ stripeSubscriptionId: `sub_b_${accountId}`, plan: "standard", status: "active" });
  });
});
