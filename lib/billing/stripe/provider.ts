import "server-only";
import type Stripe from "stripe";
import { findAccountIdByCustomer } from "@/db/queries/billing";
import { findSubscription } from "@/db/queries/subscriptions";
import { ApiError } from "@/lib/api/errors";
import { appUrl } from "@/lib/env";
import { PLAN_IDS, type BillingInterval, type PlanId } from "../plans";
import { localProvider } from "../local-provider";
import type { BillingProvider } from "../provider";
import { callStripe, idOf, planOfPrice, priceIdOf, pricePlan, sellsInterval, stripe } from "./client";
import { ensureCustomer, existingCustomer } from "./customers";
import { invalidCoupon, normalizeCode } from "../coupons";
import { createPurchaseCheckout } from "./purchases";
import { syncSubscription } from "./sync";

// Subscriptions that still bill the customer; anything else (canceled, incomplete_expired) needs a new one.
const LIVE_STATUSES = new Set<string>(["active", "trialing", "past_due", "unpaid", "paused"]);

/**
 * The account's subscription as Stripe has it now, when it is still live. One that has ended is stored as such on
 * the way (in case its webhook was missed), so the caller's next step starts from the truth.
 */
async function liveSubscription(accountId: string): Promise<Stripe.Subscription | undefined> {
  const row = await findSubscription(accountId);
  if (!row?.stripeSubscriptionId) return undefined;
  const subscription = await callStripe(() => stripe().subscriptions.retrieve(row.stripeSubscriptionId!, { expand: ["schedule"] }));
  if (LIVE_STATUSES.has(subscription.status)) return subscription;
  if (row.status !== "canceled") await syncSubscription(subscription.id, accountId);
  return undefined;
}

async function requireSynced(subscriptionId: string, accountId: string) {
  const row = await syncSubscription(subscriptionId, accountId);
  if (!row) throw new Error(`Stripe subscription ${subscriptionId} could not be stored for account ${accountId}`);
  return row;
}

function checkoutUrls() {
  return {
    success_url: `${appUrl}/billing/checkout/complete?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${appUrl}/plans?billing=canceled`,
  };
}

/** 409 `interval_unavailable` for a plan not sold with that interval (its STRIPE_PRICE_<PLAN>_YEARLY is unset). */
function requireSold(plan: PlanId, interval: BillingInterval) {
  if (!sellsInterval(plan, interval)) {
    throw new ApiError("interval_unavailable", `The ${plan} plan is not sold with ${interval === "year" ? "yearly" : "monthly"} billing here.`, { plan, interval });
  }
}

/**
 * The promotion code a customer typed, if it can be redeemed now (codes are matched case-insensitively here: the
 * Dashboard's codes are expected upper-case); 422 `coupon_invalid` saying why otherwise.
 */
async function promotionCode(raw: string): Promise<Stripe.PromotionCode> {
  const code = normalizeCode(raw);
  const found = (await callStripe(() => stripe().promotionCodes.list({ code, limit: 1 }))).data[0];
  if (!found || !found.active) throw invalidCoupon(code, found?.expires_at && found.expires_at * 1000 <= Date.now() ? "expired" : "not_found");
  if (found.expires_at !== null && found.expires_at * 1000 <= Date.now()) throw invalidCoupon(code, "expired");
  if (found.max_redemptions !== null && found.times_redeemed >= found.max_redemptions) throw invalidCoupon(code, "used_up");
  return found;
}

async function createCheckout(accountId: string, plan: PlanId, interval: BillingInterval, promotion?: Stripe.PromotionCode): Promise<string> {
  const customer = await ensureCustomer(accountId);
  const session = await callStripe(() =>
    stripe().checkout.sessions.create({
      mode: "subscription",
      customer,
      client_reference_id: accountId,
      line_items: [{ price: priceIdOf(plan, interval), quantity: 1 }],
      // A code given beforehand is applied; otherwise the customer may type one at Checkout.
      ...(promotion ? { discounts: [{ promotion_code: promotion.id }] } : { allow_promotion_codes: true }),
      subscription_data: { metadata: { account_id: accountId } },
      metadata: { account_id: accountId, plan, interval },
      ...checkoutUrls(),
    }),
  );
  if (!session.url) throw new Error(`Checkout session ${session.id} has no URL`);
  return session.url;
}

/** The customer's default card, else one attached to it (Checkout attaches the card it charged). */
async function savedPaymentMethod(customerId: string): Promise<string | undefined> {
  const customer = await callStripe(() => stripe().customers.retrieve(customerId));
  if ("deleted" in customer && customer.deleted) return undefined;
  const preferred = idOf(customer.invoice_settings.default_payment_method);
  if (preferred) return preferred;
  const attached = await callStripe(() => stripe().customers.listPaymentMethods(customerId, { limit: 1 }));
  return attached.data[0]?.id;
}

/** A new subscription for a returning customer whose card is on file; 402 with a Checkout URL when there is none. */
async function subscribeWithSavedCard(accountId: string, plan: PlanId, interval: BillingInterval, promotion?: Stripe.PromotionCode) {
  const customerId = await ensureCustomer(accountId);
  const paymentMethod = await savedPaymentMethod(customerId);
  if (!paymentMethod) {
    throw new ApiError("payment_method_required", "Add a payment method to subscribe: continue at checkout_url.", {
      checkout_url: await createCheckout(accountId, plan, interval, promotion),
    });
  }
  const subscription = await callStripe(() =>
    stripe().subscriptions.create(
      {
        customer: customerId,
        items: [{ price: priceIdOf(plan, interval), quantity: 1 }],
        default_payment_method: paymentMethod,
        payment_behavior: "error_if_incomplete",
        metadata: { account_id: accountId },
        ...(promotion && { discounts: [{ promotion_code: promotion.id }] }),
      },
      // A double click within the minute creates one subscription; a new card or plan is a new request.
      { idempotencyKey: `normflix-subscribe-${accountId}-${plan}-${interval}-${promotion?.id ?? "none"}-${paymentMethod}-${Math.floor(Date.now() / 60_000)}` },
    ),
  );
  return requireSynced(subscription.id, accountId);
}

async function releaseSchedule(subscription: Stripe.Subscription) {
  const scheduleId = idOf(subscription.schedule);
  if (scheduleId) await callStripe(() => stripe().subscriptionSchedules.release(scheduleId));
}

/** Undoes a pending cancellation: ours (cancel_at_period_end) or one set in the portal or Dashboard (cancel_at). */
async function keepRenewing(subscription: Stripe.Subscription) {
  // Stripe accepts one of the two parameters per request.
  const undo = subscription.cancel_at_period_end ? { cancel_at_period_end: false } : subscription.cancel_at ? { cancel_at: "" as const } : undefined;
  if (undo) await callStripe(() => stripe().subscriptions.update(subscription.id, undo));
}

/**
 * Upgrade (or monthly to yearly): the new price applies now and the difference is invoiced at once (a new interval
 * starts a new period now, crediting what is left of the old one); it only applies if that payment succeeds.
 */
async function upgrade(subscription: Stripe.Subscription, plan: PlanId, interval: BillingInterval) {
  await releaseSchedule(subscription);
  await keepRenewing(subscription);
  const updated = await callStripe(() =>
    stripe().subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0].id, price: priceIdOf(plan, interval), quantity: 1 }],
      proration_behavior: "always_invoice",
      payment_behavior: "pending_if_incomplete",
    }),
  );
  if (updated.pending_update) {
    throw new ApiError("payment_failed", "The payment for the upgrade was declined; your plan is unchanged. Update your payment method and try again.", {
      plan: planOfPrice(idOf(subscription.items.data[0].price)),
    });
  }
}

/** A schedule for the subscription; a concurrent request (double click) may have attached one already: use that. */
async function createSchedule(subscriptionId: string): Promise<string> {
  try {
    return (await callStripe(() => stripe().subscriptionSchedules.create({ from_subscription: subscriptionId }))).id;
  } catch (error) {
    const attached = idOf((await callStripe(() => stripe().subscriptions.retrieve(subscriptionId))).schedule);
    if (attached) return attached;
    throw error;
  }
}

/** Downgrade (or yearly to monthly): the current price runs to the end of the period already paid for, then the new one starts. */
async function scheduleDowngrade(subscription: Stripe.Subscription, plan: PlanId, interval: BillingInterval) {
  await keepRenewing(subscription);
  const scheduleId = idOf(subscription.schedule) ?? (await createSchedule(subscription.id));
  const schedule = await callStripe(() => stripe().subscriptionSchedules.retrieve(scheduleId));
  const item = subscription.items.data[0];
  const periodStart = schedule.current_phase?.start_date ?? item.current_period_start;
  await callStripe(() =>
    stripe().subscriptionSchedules.update(scheduleId, {
      end_behavior: "release",
      phases: [
        { items: [{ price: idOf(item.price)!, quantity: 1 }], start_date: periodStart, end_date: item.current_period_end, proration_behavior: "none" },
        { items: [{ price: priceIdOf(plan, interval), quantity: 1 }], duration: { interval, interval_count: 1 }, proration_behavior: "none" },
      ],
    }),
  );
}

/**
 * Whether a change applies now (charged the prorated difference) rather than at the period's end: monthly to yearly
 * always does, yearly to monthly never does, and on the same interval a higher plan does.
 */
function immediate(from: { plan: PlanId; interval: BillingInterval }, to: { plan: PlanId; interval: BillingInterval }) {
  if (from.interval !== to.interval) return to.interval === "year";
  return PLAN_IDS.indexOf(to.plan) > PLAN_IDS.indexOf(from.plan);
}

/** What a previewed invoice charges: its lines (before discounts), the discount and the amount due. */
function charged(invoice: Stripe.Invoice) {
  const discount = (invoice.total_discount_amounts ?? []).reduce((sum, part) => sum + part.amount, 0);
  return {
    currency: invoice.currency,
    lines: invoice.lines.data.map((line) => ({ description: line.description ?? "", amount_cents: line.amount })),
    subtotal_cents: invoice.subtotal,
    discount_cents: discount,
    amount_due_now_cents: invoice.amount_due,
  };
}

const NOTHING_NOW = { lines: [], subtotal_cents: 0, discount_cents: 0, amount_due_now_cents: 0 };

export const stripeProvider: BillingProvider = {
  name: "stripe",

  async changePlan(accountId, plan, wanted, coupon) {
    const subscription = await liveSubscription(accountId);
    const current = subscription ? pricePlan(idOf(subscription.items.data[0]?.price)) : undefined;
    const interval = wanted ?? current?.interval ?? "month";
    requireSold(plan, interval);
    const promotion = coupon ? await promotionCode(coupon) : undefined;
    if (!subscription) return subscribeWithSavedCard(accountId, plan, interval, promotion);
    // The code applies first, so a prorated charge for the change is discounted too.
    if (promotion) await callStripe(() => stripe().subscriptions.update(subscription.id, { discounts: [{ promotion_code: promotion.id }] }));
    if (current?.plan === plan && current.interval === interval) {
      // Choosing the plan you have undoes a pending downgrade or cancellation.
      await releaseSchedule(subscription);
      await keepRenewing(subscription);
    } else if (!current || immediate(current, { plan, interval })) {
      await upgrade(subscription, plan, interval);
    } else {
      await scheduleDowngrade(subscription, plan, interval);
    }
    return requireSynced(subscription.id, accountId);
  },

  async previewChange(accountId, plan, wanted, coupon) {
    const subscription = await liveSubscription(accountId);
    const item = subscription?.items.data[0];
    const current = pricePlan(idOf(item?.price));
    const interval = wanted ?? current?.interval ?? "month";
    requireSold(plan, interval);
    const promotion = coupon ? await promotionCode(coupon) : undefined;
    const price = priceIdOf(plan, interval);
    const now = Math.floor(Date.now() / 1000);
    const at = (seconds: number) => new Date(seconds * 1000).toISOString();
    // The renewal after the change: Stripe's recurring preview, discounted as that invoice will be.
    const preview = (params: Stripe.InvoiceCreatePreviewParams, mode?: "recurring") =>
      callStripe(() =>
        stripe().invoices.createPreview({ ...params, ...(promotion && { discounts: [{ promotion_code: promotion.id }] }), ...(mode && { preview_mode: mode }) }),
      );
    const periodEnd = (invoice: Stripe.Invoice) => Math.max(...invoice.lines.data.map((line) => line.period.end));

    if (!subscription || !item) {
      const customer = await existingCustomer(accountId);
      const params = { ...(customer && { customer }), subscription_details: { items: [{ price }] } };
      const [first, renewal] = await Promise.all([preview(params), preview(params, "recurring")]);
      return { plan, interval, applies: "now", effective_at: at(now), ...charged(first), next_charge: { at: at(periodEnd(first)), amount_cents: renewal.amount_due } };
    }
    const change = { subscription: subscription.id, subscription_details: { items: [{ id: item.id, price }], proration_date: now } };
    const unchanged = current?.plan === plan && current.interval === interval;
    if (unchanged || (current && !immediate(current, { plan, interval }))) {
      // Nothing is charged now; the new price is charged when the period already paid for ends.
      const renewal = await preview({ ...change, subscription_details: { ...change.subscription_details, proration_behavior: "none" } }, "recurring");
      const from = at(item.current_period_end);
      return { plan, interval, applies: unchanged ? "now" : "period_end", effective_at: unchanged ? at(now) : from, currency: renewal.currency, ...NOTHING_NOW, next_charge: { at: from, amount_cents: renewal.amount_due } };
    }
    const [first, renewal] = await Promise.all([
      preview({ ...change, subscription_details: { ...change.subscription_details, proration_behavior: "always_invoice" } }),
      preview({ ...change, subscription_details: { ...change.subscription_details, proration_behavior: "none" } }, "recurring"),
    ]);
    // Another interval starts a new period now; the same one keeps the period's end.
    const renews = current?.interval === interval ? item.current_period_end : periodEnd(first);
    return { plan, interval, applies: "now", effective_at: at(now), ...charged(first), next_charge: { at: at(renews), amount_cents: renewal.amount_due } };
  },

  async cancel(accountId, request = { atPeriodEnd: true }) {
    const subscription = await liveSubscription(accountId);
    if (!subscription) {
      // A plan granted before Stripe was configured (local provider) has nothing at Stripe to cancel: end it here.
      const row = await findSubscription(accountId);
      return row && !row.stripeSubscriptionId ? localProvider.cancel(accountId) : row;
    }
    await releaseSchedule(subscription); // a pending downgrade would otherwise renew the subscription
    const cancellation_details: Stripe.SubscriptionUpdateParams.CancellationDetails = {
      ...(request.reason && { feedback: request.reason }),
      ...(request.feedback && { comment: request.feedback }),
    };
    if (request.atPeriodEnd) {
      await callStripe(() => stripe().subscriptions.update(subscription.id, { cancel_at_period_end: true, cancellation_details }));
    } else {
      // Ends now, without a refund of the rest of the period (Stripe's defaults: no proration, no final invoice).
      await callStripe(() => stripe().subscriptions.cancel(subscription.id, { cancellation_details }));
    }
    return requireSynced(subscription.id, accountId);
  },

  async cancelNow(accountId) {
    const subscription = await liveSubscription(accountId);
    if (!subscription) return;
    await releaseSchedule(subscription);
    await callStripe(() => stripe().subscriptions.cancel(subscription.id));
  },

  async resume(accountId) {
    const subscription = await liveSubscription(accountId);
    if (!subscription) return findSubscription(accountId);
    await keepRenewing(subscription);
    if (subscription.pause_collection) await callStripe(() => stripe().subscriptions.update(subscription.id, { pause_collection: "" }));
    return requireSynced(subscription.id, accountId);
  },

  async pause(accountId, months) {
    const subscription = await liveSubscription(accountId);
    if (!subscription) return findSubscription(accountId);
    // Invoices falling in the pause are voided; Stripe clears the pause at resumes_at by itself.
    const resumesAt = new Date();
    resumesAt.setUTCMonth(resumesAt.getUTCMonth() + months);
    await callStripe(() =>
      stripe().subscriptions.update(subscription.id, { pause_collection: { behavior: "void", resumes_at: Math.floor(resumesAt.getTime() / 1000) } }),
    );
    return requireSynced(subscription.id, accountId);
  },

  async startCheckout(accountId, plan, interval, coupon) {
    // Already subscribed: a second subscription would bill twice, so this is a plan change.
    if (await liveSubscription(accountId)) {
      await stripeProvider.changePlan(accountId, plan, interval, coupon);
      return `${appUrl}/account?billing=updated`;
    }
    requireSold(plan, interval ?? "month");
    return createCheckout(accountId, plan, interval ?? "month", coupon ? await promotionCode(coupon) : undefined);
  },

  async openPortal(accountId) {
    const customer = await ensureCustomer(accountId);
    const session = await callStripe(() => stripe().billingPortal.sessions.create({ customer, return_url: `${appUrl}/account` }));
    return session.url;
  },

  sell: async (sale) => ({ url: await createPurchaseCheckout(sale) }),

  async reconcileCheckout(sessionId) {
    const session = await callStripe(() => stripe().checkout.sessions.retrieve(sessionId)).catch((error) => {
      if ((error as { type?: string }).type === "StripeInvalidRequestError") throw new ApiError("not_found", "No such Checkout session.");
      throw error;
    });
    const subscriptionId = idOf(session.subscription);
    const customerId = idOf(session.customer);
    if (session.mode !== "subscription" || session.status !== "complete" || !subscriptionId || !customerId) return undefined;
    const accountId = await findAccountIdByCustomer(customerId);
    if (!accountId) return undefined;
    return syncSubscription(subscriptionId, accountId);
  },
};
