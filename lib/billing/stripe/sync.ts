import "server-only";
import type Stripe from "stripe";
import type { Transaction } from "@/db/client";
import { findAccountIdByCustomer, upsertBillingInvoice } from "@/db/queries/billing";
import { findSubscription, storeStripeSubscription } from "@/db/queries/subscriptions";
import type { StoredDiscount, Subscription } from "@/db/schema";
import { notifyPaymentFailed } from "@/lib/notifications/triggers";
import type { BillingInterval, PlanId } from "../plans";
import { callStripe, idOf, pricePlan, stripe } from "./client";

// Stripe is the source of truth: every change, webhook and Checkout return re-reads the object from Stripe and stores
// what it says now, so events arriving late, twice or out of order can never move the stored state backwards.

/** Writes prepared from a fresh read, applied later (for webhooks: in the transaction that records the event). */
export type StoreEffect = (tx?: Transaction) => Promise<Subscription | undefined>;

const EXPAND = ["latest_invoice", "schedule", "discounts.source.coupon", "discounts.promotion_code"];

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

function statusOf(status: Stripe.Subscription.Status): Subscription["status"] {
  switch (status) {
    case "active":
    case "trialing":
    case "past_due":
    case "canceled":
    case "incomplete":
    case "unpaid":
    case "paused":
      return status as Subscription["status"];
    case "incomplete_expired":
      return "canceled";
    default:
      // A status newer than this code: grant nothing rather than guess.
      return "incomplete";
  }
}

const itemPlan = (item: { price: string | { id: string } } | undefined) => pricePlan(idOf(item?.price));

type Priced = { plan: PlanId; interval: BillingInterval };

/** The downgrade (or switch to monthly) a schedule holds for the end of the current phase, if any. */
function scheduledChange(schedule: Stripe.SubscriptionSchedule | null, current: Priced) {
  if (!schedule || !["active", "not_started"].includes(schedule.status) || !schedule.current_phase) return undefined;
  const next = schedule.phases.find((phase) => phase.start_date >= schedule.current_phase!.end_date);
  const priced = itemPlan(next?.items[0]);
  if (!priced || (priced.plan === current.plan && priced.interval === current.interval)) return undefined;
  return { ...priced, at: new Date(next!.start_date * 1000) };
}

/** When the invoice that made the subscription past due was first charged (the grace period runs from there). */
function pastDueSince(subscription: Stripe.Subscription, syncedAt: Date): Date | null {
  if (subscription.status !== "past_due" && subscription.status !== "unpaid") return null;
  const invoice = subscription.latest_invoice;
  if (invoice && typeof invoice === "object" && invoice.status === "open") {
    return fromUnix(invoice.status_transitions.finalized_at ?? invoice.created) ?? syncedAt;
  }
  return syncedAt;
}

/** Paused collection (a pause the member asked for): until when; one without an end is paused until further notice. */
function pausedUntil(subscription: Stripe.Subscription): Date | null {
  if (!subscription.pause_collection || subscription.status === "canceled") return null;
  return fromUnix(subscription.pause_collection.resumes_at) ?? UNTIL_FURTHER_NOTICE;
}

/** The subscription's discount (its first, from a promotion code or a coupon), as the API shows it. */
function discountOf(subscription: Stripe.Subscription): StoredDiscount | null {
  const discount = subscription.discounts.find((item): item is Stripe.Discount => typeof item === "object");
  const coupon = discount && typeof discount.source.coupon === "object" ? discount.source.coupon : null;
  if (!discount || !coupon) return null;
  const promotion = typeof discount.promotion_code === "object" ? discount.promotion_code : null;
  return {
    code: promotion?.code ?? coupon.name ?? coupon.id,
    percentOff: coupon.percent_off,
    amountOffCents: coupon.amount_off,
    currency: coupon.currency,
    duration: coupon.duration === "once" ? "once" : coupon.duration === "repeating" ? "repeating" : "forever",
    durationInMonths: coupon.duration_in_months,
    endsAt: discount.end ? new Date(discount.end * 1000).toISOString() : null,
  };
}

const UNTIL_FURTHER_NOTICE = new Date("9999-12-31T00:00:00Z");

async function accountOfCustomer(customer: string | { id: string } | null): Promise<string | undefined> {
  const id = idOf(customer);
  return id ? findAccountIdByCustomer(id) : undefined;
}

/** Maps a Stripe subscription to the stored row; undefined when it is not one of ours (unknown customer or price). */
async function prepareSubscription(subscription: Stripe.Subscription, syncedAt: Date): Promise<StoreEffect | undefined> {
  const accountId = await accountOfCustomer(subscription.customer);
  const items = subscription.items.data;
  const priced = itemPlan(items[0]);
  if (!accountId || !priced) {
    console.warn(`Stripe subscription ${subscription.id} ignored: ${accountId ? "its price is not a NormFlix plan" : "unknown customer"}`);
    return undefined;
  }
  const schedule = typeof subscription.schedule === "object" ? subscription.schedule : null;
  const scheduled = scheduledChange(schedule, priced);
  const periodEnd = Math.max(0, ...items.map((item) => item.current_period_end));
  const latestInvoice = typeof subscription.latest_invoice === "object" ? subscription.latest_invoice : null;
  return async (tx) => {
    if (latestInvoice) await storeInvoice(latestInvoice, accountId, tx);
    return storeStripeSubscription(
      {
        accountId,
        plan: priced.plan,
        interval: priced.interval,
        status: statusOf(subscription.status),
        provider: "stripe",
        stripeSubscriptionId: subscription.id,
        currentPeriodEnd: fromUnix(periodEnd),
        // The portal may cancel "at period end" by setting cancel_at instead of the flag.
        cancelAtPeriodEnd: subscription.cancel_at_period_end || (subscription.cancel_at !== null && subscription.status !== "canceled"),
        canceledAt: fromUnix(subscription.ended_at ?? subscription.canceled_at),
        scheduledPlan: scheduled?.plan ?? null,
        scheduledInterval: scheduled?.interval ?? null,
        scheduledChangeAt: scheduled?.at ?? null,
        pausedUntil: pausedUntil(subscription),
        discount: discountOf(subscription),
        pastDueSince: pastDueSince(subscription, syncedAt),
        syncedAt,
      },
      tx,
    );
  };
}

/** Reads a subscription from Stripe now; the returned effect stores it. */
export async function fetchSubscription(subscriptionId: string): Promise<StoreEffect | undefined> {
  const syncedAt = new Date();
  const subscription = await callStripe(() => stripe().subscriptions.retrieve(subscriptionId, { expand: EXPAND }));
  return prepareSubscription(subscription, syncedAt);
}

/** Re-reads a subscription from Stripe and stores it; returns the account's row as it stands afterwards. */
export async function syncSubscription(subscriptionId: string, accountId?: string): Promise<Subscription | undefined> {
  const store = await fetchSubscription(subscriptionId);
  const stored = await store?.();
  return stored ?? (accountId ? findSubscription(accountId) : undefined);
}

async function storeInvoice(invoice: Stripe.Invoice, accountId: string, tx?: Transaction) {
  if (!invoice.status || invoice.status === "draft") return; // drafts are not history yet
  const line = invoice.lines?.data[0];
  await upsertBillingInvoice(
    {
      id: invoice.id,
      accountId,
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      amountDue: invoice.amount_due,
      amountPaid: invoice.amount_paid,
      total: invoice.total,
      description: line?.description ?? invoice.description,
      periodStart: fromUnix(line?.period.start ?? invoice.period_start),
      periodEnd: fromUnix(line?.period.end ?? invoice.period_end),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
      invoicePdf: invoice.invoice_pdf ?? null,
      stripeCreated: invoice.created,
    },
    tx,
  );
  // An open invoice that was attempted has had a charge declined. Whichever webhook brings that news first notifies,
  // once per attempt (lib/notifications/).
  if (tx && invoice.status === "open" && invoice.attempt_count > 0) {
    await notifyPaymentFailed(tx, { accountId, invoiceId: invoice.id, attempt: invoice.attempt_count, amountDue: invoice.amount_due, currency: invoice.currency });
  }
}

/** Reads an invoice (and the subscription it bills) from Stripe now; the returned effect stores both. */
export async function fetchInvoice(invoiceId: string): Promise<StoreEffect | undefined> {
  const invoice = await callStripe(() => stripe().invoices.retrieve(invoiceId));
  const accountId = await accountOfCustomer(invoice.customer);
  if (!accountId) return undefined;
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  const storeSubscription = subscriptionId ? await fetchSubscription(subscriptionId) : undefined;
  return async (tx) => {
    await storeInvoice(invoice, accountId, tx);
    return storeSubscription?.(tx);
  };
}
