import "server-only";
import type { BillingInterval, PlanId } from "./plans";
import { billingProvider } from "./provider";
import { describeSubscription, type SubscriptionView } from "./subscriptions";

/**
 * Where to send the user who picked `plan`: Stripe Checkout for a first subscription; for an account that already
 * subscribes, the plan is changed right here and the URL is the account page (`/account?billing=updated`).
 * Local provider: the plan applies at once and the URL is `/account?billing=success`.
 */
export function startCheckout(accountId: string, plan: PlanId, interval?: BillingInterval, coupon?: string): Promise<string> {
  return billingProvider().startCheckout(accountId, plan, interval, coupon);
}

/** The Stripe Customer Portal (payment methods, invoices); it returns to `/account`. 409 without Stripe. */
export function openCustomerPortal(accountId: string): Promise<string> {
  return billingProvider().openPortal(accountId);
}

/**
 * Stores what a finished Checkout session produced, so the return page shows the new plan without waiting for the
 * webhook. Null when the session is not complete (yet) or not one of ours; 404 `not_found` for an unknown session.
 */
export async function reconcileCheckout(sessionId: string): Promise<SubscriptionView | null> {
  const row = await billingProvider().reconcileCheckout(sessionId);
  return row ? describeSubscription(row) : null;
}
