import "server-only";
import { findSubscription } from "@/db/queries/subscriptions";
import type { Subscription } from "@/db/schema";
import { PLANS, type PlanId } from "./plans";
import { billingProvider } from "./provider";

export type SubscriptionView = {
  plan: PlanId | null;
  status: Subscription["status"] | "none";
  current_period_end: string | null;
  cancel_at_period_end: boolean;
};

export function describeSubscription(row: Subscription | undefined): SubscriptionView {
  if (!row) return { plan: null, status: "none", current_period_end: null, cancel_at_period_end: false };
  return {
    plan: row.plan,
    status: row.status,
    current_period_end: row.currentPeriodEnd?.toISOString() ?? null,
    cancel_at_period_end: row.cancelAtPeriodEnd,
  };
}

/** The plan whose limits apply now, or null when the account has no subscription granting access. */
export function activePlan(row: Subscription | undefined) {
  if (!row || !["active", "trialing", "past_due"].includes(row.status)) return null;
  return PLANS[row.plan];
}

export async function getSubscription(accountId: string): Promise<SubscriptionView> {
  return describeSubscription(await findSubscription(accountId));
}

export async function changePlan(accountId: string, plan: PlanId): Promise<SubscriptionView> {
  return describeSubscription(await billingProvider().changePlan(accountId, plan));
}

export async function cancelSubscription(accountId: string): Promise<SubscriptionView> {
  return describeSubscription(await billingProvider().cancel(accountId));
}
