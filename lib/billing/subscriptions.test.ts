import { describe, expect, it } from "vitest";
import type { Subscription } from "@/db/schema";
import { activePlan, describeSubscription } from "./subscriptions";

const DAY = 86_400_000;
const now = new Date("2026-06-15T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

const row = (changes: Partial<Subscription>): Subscription => ({
  accountId: "00000000-0000-4000-8000-000000000001",
  plan: "standard",
  status: "active",
  interval: "month",
  provider: "stripe",
  currentPeriodEnd: new Date(now.getTime() + 20 * DAY),
  cancelAtPeriodEnd: false,
  canceledAt: null,
  stripeSubscriptionId: "sub_1",
  scheduledPlan: null,
  scheduledInterval: null,
  pausedUntil: null,
  discount: null,
  scheduledChangeAt: null,
  pastDueSince: null,
  syncedAt: now,
  createdAt: ago(40),
  updatedAt: ago(1),
  ...changes,
});

describe("activePlan, the one access rule", () => {
  it("grants an active or trialing plan, and nothing without a subscription", () => {
    expect(activePlan(undefined, now)).toBeNull();
    expect(activePlan(row({}), now)?.id).toBe("standard");
    expect(activePlan(row({ status: "trialing", plan: "premium" }), now)?.id).toBe("premium");
  });

  it("keeps a past_due plan for BILLING_GRACE_DAYS (7) after the failed charge, then ends it", () => {
    expect(activePlan(row({ status: "past_due", pastDueSince: ago(6.9) }), now)?.id).toBe("standard");
    expect(activePlan(row({ status: "past_due", pastDueSince: ago(7) }), now)).toBeNull();
    expect(describeSubscription(row({ status: "past_due", pastDueSince: ago(2) })).grace_period_ends_at).toBe(new Date(ago(2).getTime() + 7 * DAY).toISOString());
  });

  it("grants nothing for canceled, incomplete, unpaid or paused subscriptions", () => {
    for (const status of ["canceled", "incomplete", "unpaid", "paused"] as const) expect(activePlan(row({ status }), now)).toBeNull();
  });

  it("keeps a cancellation's plan until the period ends, even before Stripe's notice that it ended", () => {
    expect(activePlan(row({ cancelAtPeriodEnd: true }), now)?.id).toBe("standard");
    expect(activePlan(row({ cancelAtPeriodEnd: true, currentPeriodEnd: ago(0.01) }), now)).toBeNull();
  });
});
