import "server-only";
import Stripe from "stripe";
import { applyBillingEventOnce, hasBillingEvent, pruneBillingEvents } from "@/db/queries/billing";
import { ApiError } from "@/lib/api/errors";
import { idOf, stripe, webhookSecret } from "./client";
import type { Transaction } from "@/db/client";
import { DuplicateSale, fetchRefund, fetchSaleEffect, refundDuplicate } from "./purchases";
import { fetchInvoice, fetchSubscription } from "./sync";

// Stripe webhooks: the signature is checked on the raw body, then each relevant event has one small handler. A
// handler never trusts the event's copy of the object: it re-reads it from Stripe and returns the write to make,
// which is applied in the same transaction that records the event id (so a redelivery is a no-op).

type Effect = (tx: Transaction) => Promise<unknown>;
type Handler = (event: Stripe.Event) => Promise<Effect | undefined>;

const subscriptionChanged: Handler = (event) => fetchSubscription((event.data.object as Stripe.Subscription).id);

const invoiceChanged: Handler = (event) => fetchInvoice((event.data.object as Stripe.Invoice).id!);

const scheduleChanged: Handler = async (event) => {
  const subscriptionId = idOf((event.data.object as Stripe.SubscriptionSchedule).subscription);
  return subscriptionId ? fetchSubscription(subscriptionId) : undefined;
};

// A coupon applied, changed or removed: the event's discount names its subscription.
const discountChanged: Handler = async (event) => {
  const subscriptionId = (event.data.object as Stripe.Discount).subscription;
  return subscriptionId ? fetchSubscription(subscriptionId) : undefined;
};

const checkoutCompleted: Handler = async (event) => {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.mode === "payment") return fetchSaleEffect(session.id);
  const subscriptionId = idOf(session.subscription);
  return session.mode === "subscription" && subscriptionId ? fetchSubscription(subscriptionId) : undefined;
};

const chargeRefunded: Handler = (event) => fetchRefund((event.data.object as Stripe.Charge).id);

const handlers: Partial<Record<Stripe.Event.Type, Handler>> = {
  "charge.refunded": chargeRefunded,
  "checkout.session.completed": checkoutCompleted,
  "checkout.session.async_payment_succeeded": checkoutCompleted,
  "customer.discount.created": discountChanged,
  "customer.discount.updated": discountChanged,
  "customer.discount.deleted": discountChanged,
  "customer.subscription.created": subscriptionChanged,
  "customer.subscription.updated": subscriptionChanged,
  "customer.subscription.deleted": subscriptionChanged,
  "customer.subscription.paused": subscriptionChanged,
  "customer.subscription.resumed": subscriptionChanged,
  "invoice.finalized": invoiceChanged,
  "invoice.paid": invoiceChanged,
  "invoice.payment_failed": invoiceChanged,
  "invoice.voided": invoiceChanged,
  "invoice.marked_uncollectible": invoiceChanged,
  "subscription_schedule.updated": scheduleChanged,
  "subscription_schedule.released": scheduleChanged,
  "subscription_schedule.completed": scheduleChanged,
  "subscription_schedule.canceled": scheduleChanged,
};

export const HANDLED_EVENTS = Object.keys(handlers) as Stripe.Event.Type[];

export type WebhookOutcome = { received: true; event_id: string; result: "applied" | "duplicate" | "ignored" };

/** The object an event names is gone from Stripe (deleted since, or test data cleared): re-reading it gives 404. */
const isResourceMissing = (error: unknown) => error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing";

/** Verifies and applies one webhook delivery. 400 `invalid_signature` when the body was not signed by Stripe. */
export async function handleStripeWebhook(rawBody: string | Buffer, signature: string | null): Promise<WebhookOutcome> {
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing Stripe-Signature header");
    event = stripe().webhooks.constructEvent(rawBody, signature, webhookSecret());
  } catch (error) {
    throw new ApiError("invalid_signature", `Webhook signature verification failed: ${(error as Error).message}`);
  }

  const handler = handlers[event.type];
  if (!handler) return { received: true, event_id: event.id, result: "ignored" };
  // Cheap early exit for redeliveries; the transaction below is what actually guarantees "once".
  if (await hasBillingEvent(event.id)) return { received: true, event_id: event.id, result: "duplicate" };

  let effect: Effect | undefined;
  try {
    effect = await handler(event);
  } catch (error) {
    // Nothing to re-read, so nothing to store; a 500 would only make Stripe retry the same 404 for three days.
    if (!isResourceMissing(error)) throw error;
    console.warn(`Stripe webhook ${event.id} (${event.type}) ignored: ${(error as Error).message}`);
    return { received: true, event_id: event.id, result: "ignored" };
  }
  let applied: boolean;
  try {
    applied = await applyBillingEventOnce(event, async (tx) => {
      await effect?.(tx);
    });
  } catch (error) {
    if (!(error instanceof DuplicateSale)) throw error;
    // Nothing was granted; the payment goes back first, so a failed refund leaves the event to be redelivered.
    await refundDuplicate(error.paymentIntentId);
    applied = await applyBillingEventOnce(event, async () => undefined);
  }
  if (applied) forgetOldEvents();
  return { received: true, event_id: event.id, result: applied ? "applied" : "duplicate" };
}

// Event ids are kept to recognise redeliveries, which Stripe makes for up to three days; after 30 days they only take
// space. Pruned at most once an hour per process, after an event was applied.
const EVENT_RETENTION_MS = 30 * 24 * 3600_000;
let lastPrunedAt = 0;

function forgetOldEvents() {
  if (Date.now() - lastPrunedAt < 3600_000) return;
  lastPrunedAt = Date.now();
  pruneBillingEvents(new Date(Date.now() - EVENT_RETENTION_MS)).catch((error: Error) =>
    console.error(`billing: pruning old webhook event ids failed: ${error.message}`),
  );
}
