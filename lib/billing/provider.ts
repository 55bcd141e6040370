import "server-only";
import { findSubscription, upsertSubscription } from "@/db/queries/subscriptions";
import type { Subscription } from "@/db/schema";
import type { PlanId } from "./plans";

// A billing provider turns "this account wants plan X" or "cancel" into a stored subscription state.
export interface BillingProvider {
  readonly name: string;
  changePlan(accountId: string, plan: PlanId): Promise<Subscription>;
  cancel(accountId: string): Promise<Subscription | undefined>;
}

const PERIOD_MS = 30 * 86_400_000;

/** No payment at all: changes apply at once. The embedded default, and what tests use. */
export const localProvider: BillingProvider = {
  name: "local",

  async changePlan(accountId, plan) {
    const current = await findSubscription(accountId);
    const renewing = current && current.status === "active" && current.currentPeriodEnd && current.currentPeriodEnd > new Date();
    return upsertSubscription({
      accountId,
      plan,
      status: "active",
      provider: "local",
      currentPeriodEnd: renewing ? current.currentPeriodEnd : new Date(Date.now() + PERIOD_MS),
      cancelAtPeriodEnd: false,
      canceledAt: null,
    });
  },

  async cancel(accountId) {
    const current = await findSubscription(accountId);
    if (!current || current.status === "canceled") return current;
    const now = new Date();
    return upsertSubscription({ ...current, status: "canceled", cancelAtPeriodEnd: false, canceledAt: now, currentPeriodEnd: now });
  },
};

export function billingProvider(): BillingProvider {
  return localProvider;
}
