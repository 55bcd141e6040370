import "server-only";
import type { Purchase, Subscription } from "@/db/schema";
import type { Sale } from "./sales";
import type { ChangePreview } from "./preview";
import type { BillingInterval, CancelReason, PlanId } from "./plans";
import { localProvider } from "./local-provider";
import { stripeEnabled } from "./stripe/client";
import { stripeProvider } from "./stripe/provider";

// A billing provider turns "this account wants plan X", "cancel", "resume" into a stored subscription state, and
// knows where to send the user to pay. Two of them: local (no payment, changes apply at once) and Stripe.
export interface BillingProvider {
  readonly name: "local" | "stripe";
  /**
   * Switches plan. Stripe: upgrades at once with proration, downgrades at the end of the period; without a
   * subscription and without a saved payment method, throws 402 `payment_method_required` with `details.checkout_url`.
   * `interval` (monthly or yearly billing) defaults to the subscription's own, or monthly for a new one; switching to
   * yearly applies at once (Stripe: prorated, a new yearly period starts now), to monthly at the end of the paid year.
   * `coupon`: a local coupon, or a Stripe promotion code; 422 `coupon_invalid` when it cannot be used.
   */
  changePlan(accountId: string, plan: PlanId, interval?: BillingInterval, coupon?: string): Promise<Subscription>;
  /**
   * What `changePlan` with the same arguments would charge now and at the next renewal, changing nothing (Stripe: its
   * invoice preview; local: the same proration). The same refusals as `changePlan` for a bad coupon or interval.
   */
  previewChange(accountId: string, plan: PlanId, interval?: BillingInterval, coupon?: string): Promise<ChangePreview>;
  /**
   * Ends the subscription: at the end of the period already paid for (access continues until then) or now (access
   * ends at once, nothing is refunded). Without `request`: local at once, Stripe at the period's end (the contract's
   * DELETE). `reason` and `feedback` go to Stripe's cancellation details.
   */
  cancel(accountId: string, request?: CancelRequest): Promise<Subscription | undefined>;
  /** Ends the subscription at once, before the account is deleted (Stripe: no refund, as Stripe's default). */
  cancelNow(accountId: string): Promise<void>;
  /** Undoes a cancellation that has not taken effect yet, and ends a pause early. */
  resume(accountId: string): Promise<Subscription | undefined>;
  /** Pauses an active subscription for `months` (1–3): no access and nothing charged until then; it resumes by itself. */
  pause(accountId: string, months: number): Promise<Subscription | undefined>;
  /** A URL to send the user to for subscribing to `plan` (Stripe Checkout; local: the account page, plan applied). */
  startCheckout(accountId: string, plan: PlanId, interval?: BillingInterval, coupon?: string): Promise<string>;
  /** A URL of the page where the user manages payment methods and invoices (Stripe Customer Portal). */
  openPortal(accountId: string): Promise<string>;
  /**
   * Sells one title (a rental or a purchase). Stripe: a Checkout URL (payment mode), granted when paid; local: granted
   * at once (409 `already_purchased` when the account holds it already).
   */
  sell(sale: Sale): Promise<{ url: string } | { purchase: Purchase }>;
  /** Brings the stored state up to date with a finished Checkout session, for the page the user returns to. */
  reconcileCheckout(sessionId: string): Promise<Subscription | undefined>;
}

export type CancelRequest = { atPeriodEnd: boolean; reason?: CancelReason; feedback?: string };

export function billingProvider(): BillingProvider {
  return stripeEnabled() ? stripeProvider : localProvider;
}
