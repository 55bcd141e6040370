import "server-only";
import type Stripe from "stripe";
import { findSubscription } from "@/db/queries/subscriptions";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { appUrl } from "@/lib/env";
import { activePlan } from "./subscriptions";
import { callStripe, idOf, stripe, stripeEnabled } from "./stripe/client";
import { ensureCustomer, existingCustomer } from "./stripe/customers";

// The account's cards, read from Stripe each time (NormFlix stores none, so a card added or removed in the Customer
// Portal or by Stripe shows at once, and payment_method.* events need no stored effect). Adding one goes through
// Checkout in setup mode; the default card is the customer's invoice default, which renewals of the subscription
// use too. The local provider takes no payment, so it has no cards.

export type PaymentMethodView = { id: string; brand: string; last4: string; exp_month: number | null; exp_year: number | null; default: boolean };

const MAX_CARDS = 100;

function requireStripe(): void {
  if (!stripeEnabled()) {
    throw new ApiError("payment_methods_unavailable", "This server bills without payment (no Stripe): there are no payment methods to manage.");
  }
}

/** The customer's default card: its invoice default, else the subscription's (Checkout sets that one). */
async function defaultCard(customer: Stripe.Customer | Stripe.DeletedCustomer, accountId: string): Promise<string | undefined> {
  if ("deleted" in customer && customer.deleted) return undefined;
  const preferred = idOf((customer as Stripe.Customer).invoice_settings.default_payment_method);
  if (preferred) return preferred;
  const subscriptionId = (await findSubscription(accountId))?.stripeSubscriptionId;
  if (!subscriptionId) return undefined;
  const subscription = await callStripe(() => stripe().subscriptions.retrieve(subscriptionId));
  return idOf(subscription.default_payment_method);
}

/** GET /api/accounts/payment-methods: the account's cards, the default one marked (none without Stripe). */
export async function listPaymentMethods(principal: Principal) {
  const customerId = stripeEnabled() ? await existingCustomer(principal.accountId) : undefined;
  if (!customerId) return { items: [] as PaymentMethodView[], total: 0, limit: MAX_CARDS, offset: 0 };
  const [customer, cards] = await Promise.all([
    callStripe(() => stripe().customers.retrieve(customerId)),
    callStripe(() => stripe().customers.listPaymentMethods(customerId, { type: "card", limit: MAX_CARDS })),
  ]);
  const preferred = await defaultCard(customer, principal.accountId);
  const items = cards.data.map((method) => ({
    id: method.id,
    brand: method.card?.brand ?? method.type,
    last4: method.card?.last4 ?? "",
    exp_month: method.card?.exp_month ?? null,
    exp_year: method.card?.exp_year ?? null,
    default: method.id === preferred,
  }));
  return { items, total: items.length, limit: MAX_CARDS, offset: 0 };
}

/** POST /api/accounts/payment-methods: a Checkout page (setup mode) where the customer adds a card; it returns to /account. */
export async function addPaymentMethod(principal: Principal): Promise<{ url: string }> {
  requireStripe();
  const customerId = await ensureCustomer(principal.accountId);
  const session = await callStripe(() =>
    stripe().checkout.sessions.create({
      mode: "setup",
      customer: customerId,
      currency: "usd",
      success_url: `${appUrl}/account?billing=card_added#payment-methods`,
      cancel_url: `${appUrl}/account#payment-methods`,
      metadata: { account_id: principal.accountId },
    }),
  );
  if (!session.url) throw new Error(`Checkout session ${session.id} has no URL`);
  return { url: session.url };
}

/** One of the account's cards, or 404 `payment_method_not_found` (someone else's card is not found either). */
async function ownCard(principal: Principal, id: string): Promise<{ customerId: string; card: Stripe.PaymentMethod }> {
  requireStripe();
  const customerId = await existingCustomer(principal.accountId);
  const notFound = new ApiError("payment_method_not_found", "This account has no payment method with this id.");
  if (!customerId) throw notFound;
  const card = await callStripe(() => stripe().paymentMethods.retrieve(id)).catch((error: unknown) => {
    if ((error as { code?: string }).code === "resource_missing") throw notFound;
    throw error;
  });
  if (idOf(card.customer) !== customerId) throw notFound;
  return { customerId, card };
}

/** PUT /api/accounts/payment-methods/{id}/default: the card future invoices (renewals included) are charged to. */
export async function setDefaultPaymentMethod(principal: Principal, id: string) {
  const { customerId } = await ownCard(principal, id);
  await callStripe(() => stripe().customers.update(customerId, { invoice_settings: { default_payment_method: id } }));
  const subscription = await findSubscription(principal.accountId);
  const subscriptionId = subscription?.status !== "canceled" ? subscription?.stripeSubscriptionId : undefined;
  if (subscriptionId) await callStripe(() => stripe().subscriptions.update(subscriptionId, { default_payment_method: id }));
  return listPaymentMethods(principal);
}

/**
 * DELETE /api/accounts/payment-methods/{id}: detaches the card. The last card of an account whose plan is running is
 * kept (409 `payment_method_in_use`): its next renewal would have nothing to charge.
 */
export async function removePaymentMethod(principal: Principal, id: string) {
  const { customerId } = await ownCard(principal, id);
  const { items } = await listPaymentMethods(principal);
  if (items.length === 1 && activePlan(await findSubscription(principal.accountId))) {
    throw new ApiError("payment_method_in_use", "This is the only card for your running plan: add another card first, or cancel the plan.");
  }
  await callStripe(() => stripe().paymentMethods.detach(id));
  if (items.find((item) => item.id === id)?.default) {
    // The next card becomes the default, so renewals keep a card to charge.
    const next = items.find((item) => item.id !== id);
    if (next) await setDefaultPaymentMethod(principal, next.id);
    else await callStripe(() => stripe().customers.update(customerId, { invoice_settings: { default_payment_method: "" } }));
  }
  return {};
}
