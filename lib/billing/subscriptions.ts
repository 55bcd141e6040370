import "server-only";
import { findSubscription } from "@/db/queries/subscriptions";
import type { Subscription } from "@/db/schema";
import { env } from "@/lib/env";
import { PLANS, type Plan, type PlanId } from "./plans";
import { billingProvider } from "./provider";

export type SubscriptionView = {
  plan: PlanId | null;
  status: Subscription["status"] | "none";
  current_period_end: string | null;
  cancel_at_period_end: boolean;
  /** A downgrade that takes effect at `scheduled_change_at` (the end of the period). */
  scheduled_plan: PlanId | null;
  scheduled_change_at: string | null;
  /** past_due only: when access ends unless the payment goes through. */
  grace_period_ends_at: string | null;
  /** Whether the account may watch now (the same rule playback applies). */
  has_access: boolean;
};

const DAY_MS = 86_400_000;

/** The end of a past-due subscription's grace period (BILLING_GRACE_DAYS after the failed charge). */
export function gracePeriodEnd(row: Subscription): Date | null {
  if (row.status !== "past_due") return null;
  const since = row.pastDueSince ?? row.updatedAt;
  return new Date(since.getTime() + env.BILLING_GRACE_DAYS * DAY_MS);
}

/**
 * THE access rule: the plan whose limits apply now, or null when the account has no subscription granting access.
 * Active and trialing subscriptions grant their plan; a past-due one keeps it for the grace period after its payment
 * failed; a cancellation at period end keeps it until that end. Everything else (canceled, incomplete, unpaid,
 * paused) grants nothing.
 */
export function activePlan(row: Subscription | undefined, now: Date = new Date()): Plan | null {
  if (!row) return null;
  if (row.status === "past_due") {
    if (gracePeriodEnd(row)! <= now) return null;
  } else if (row.status !== "active" && row.status !== "trialing") {
    return null;
  }
  // A cancellation whose period is over ends access even if the provider's "ended" notice has not arrived yet.
  if (row.cancelAtPeriodEnd && row.currentPeriodEnd && row.currentPeriodEnd <= now) return null;
  return PLANS[row.plan];
}

export function describeSubscription(row: Subscription | undefined): SubscriptionView {
  if (!row) {
    return {
      plan: null,
      status: "none",
      current_period_end: null,
      cancel_at_period_end: false,
      scheduled_plan: null,
      scheduled_change_at: null,
      grace_period_ends_at: null,
      has_access: false,
    };
  }
  return {
    plan: row.plan,
    status: row.status,
    current_period_end: row.currentPeriodEnd?.toISOString() ?? null,
    cancel_at_period_end: row.cancelAtPeriodEnd,
    scheduled_plan: row.scheduledPlan,
    scheduled_change_at: row.scheduledChangeAt?.toISOString() ?? null,
    grace_period_ends_at: gracePeriodEnd(row)?.toISOString() ?? null,
    has_access: activePlan(row) !== null,
  };
}

export async function getSubscription(accountId: string): Promise<SubscriptionView> {
  return describeSubscription(await findSubscription(accountId));
}

/**
 * Switches the account to `plan`. With Stripe: upgrades apply at once (prorated), downgrades at the end of the
 * period, choosing the current plan undoes a pending downgrade or cancellation; an account with no subscription and
 * no saved card gets 402 `payment_method_required` with `details.checkout_url`.
 */
export async function changePlan(accountId: string, plan: PlanId): Promise<SubscriptionView> {
  return describeSubscription(await billingProvider().changePlan(accountId, plan));
}

/** Cancels: with Stripe at the end of the paid period (access continues until then), locally at once. */
export async function cancelSubscription(accountId: string): Promise<SubscriptionView> {
  return describeSubscription(await billingProvider().cancel(accountId));
}

/** Undoes a cancellation at period end. */
export async function resumeSubscription(accountId: string): Promise<SubscriptionView> {
  return describeSubscription(await billingProvider().resume(accountId));
}
