import "server-only";
import { grantPurchase } from "@/db/queries/purchases";
import { findSubscription, upsertSubscription } from "@/db/queries/subscriptions";
import { ApiError } from "@/lib/api/errors";
import { appUrl } from "@/lib/env";
import type { BillingProvider } from "./provider";
import { alreadyPurchased, describeSale, grantValues, receiptOf } from "./sales";

const PERIOD_MS = 30 * 86_400_000;

/**
 * No payment at all: changes apply at once, and a rental or purchase is granted at once with a receipt at the offer's
 * price (nothing is charged). The embedded default, and what most tests use.
 */
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
      scheduledPlan: null,
      scheduledChangeAt: null,
      pastDueSince: null,
    });
  },

  async cancel(accountId) {
    const current = await findSubscription(accountId);
    if (!current || current.status === "canceled") return current;
    const now = new Date();
    return upsertSubscription({ ...current, status: "canceled", cancelAtPeriodEnd: false, canceledAt: now, currentPeriodEnd: now });
  },

  // Nothing is charged locally: the row goes with the account.
  cancelNow: async () => undefined,

  // Local cancellations take effect at once: there is never a pending one to undo.
  resume: (accountId) => findSubscription(accountId),

  async startCheckout(accountId, plan) {
    await localProvider.changePlan(accountId, plan);
    return `${appUrl}/account?billing=success`;
  },

  async openPortal() {
    throw new ApiError(
      "billing_portal_unavailable",
      "This server has no payment provider: plans change at once, without payment methods or invoices.",
    );
  },

  async sell(sale) {
    const outcome = await grantPurchase(grantValues(sale.accountId, sale.offer, sale.title.id, { provider: "local" }), (purchase) =>
      receiptOf(purchase, `local_${purchase.id}`, describeSale(sale.offer.kind, sale.title.title)),
    );
    if ("conflict" in outcome) throw alreadyPurchased(outcome.conflict);
    return { purchase: outcome.granted };
  },

  reconcileCheckout: async () => undefined,
};
