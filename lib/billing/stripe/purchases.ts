import "server-only";
import type Stripe from "stripe";
import type { Transaction } from "@/db/client";
import { findAccountIdByCustomer } from "@/db/queries/billing";
import { grantPurchase, refundPayment, type GrantOutcome } from "@/db/queries/purchases";
import type { Purchase } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { describeSale, grantValues, receiptOf, type Sale } from "../sales";
import { callStripe, idOf, stripe } from "./client";
import { ensureCustomer } from "./customers";

// Rentals and purchases through Stripe: Checkout in payment mode for the one price, granted when Stripe says the
// session is paid (its webhook, or the return page), revoked when the charge is refunded. As with subscriptions,
// every grant and revocation re-reads the object from Stripe, so a replayed or late event cannot grant what a refund
// took back, and the terms of sale travel in the session's metadata, written by us when it was created.

const SALE_MARK = "title";

/** A Checkout session (payment mode) for one offer; returns its URL. */
export async function createPurchaseCheckout(sale: Sale): Promise<string> {
  const customer = await ensureCustomer(sale.accountId);
  const metadata = {
    account_id: sale.accountId,
    sale: SALE_MARK,
    title_id: sale.title.id,
    title: sale.title.title.slice(0, 200),
    kind: sale.offer.kind,
    ...(sale.offer.kind === "rent" && { rental_hours: String(sale.offer.rentalHours), start_within_days: String(sale.offer.startWithinDays) }),
  };
  const titlePath = `/title/${sale.title.kind}/${sale.title.id}`;
  const session = await callStripe(() =>
    stripe().checkout.sessions.create(
      {
        mode: "payment",
        customer,
        client_reference_id: sale.accountId,
        line_items: [
          {
            quantity: 1,
            price_data: { currency: sale.offer.currency, unit_amount: sale.offer.priceCents, product_data: { name: describeSale(sale.offer.kind, sale.title.title) } },
          },
        ],
        metadata,
        payment_intent_data: { metadata },
        success_url: `${appUrl}/billing/purchase/complete?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${appUrl}${titlePath}?purchase=canceled`,
      },
      // A double click within the minute opens one Checkout; what was paid twice anyway is refunded (below).
      { idempotencyKey: `normflix-sale-${sale.accountId}-${sale.title.id}-${sale.offer.kind}-${sale.offer.priceCents}-${Math.floor(Date.now() / 60_000)}` },
    ),
  );
  if (!session.url) throw new Error(`Checkout session ${session.id} has no URL`);
  return session.url;
}

/** A grant prepared from a fresh read of a paid session, applied later (for webhooks: with the event id). */
export type PaidSale = { paymentIntentId: string; grant: (tx?: Transaction) => Promise<GrantOutcome> };

/** A second payment for a title the account already holds (two Checkouts, both paid): to be refunded. */
export class DuplicateSale extends Error {
  constructor(readonly paymentIntentId: string) {
    super(`payment ${paymentIntentId} is for a title the account already holds`);
  }
}

const isRefunded = (charge: Stripe.Charge | null) => Boolean(charge && (charge.refunded || charge.amount_refunded > 0));

/**
 * Re-reads a Checkout session from Stripe; a grant when it is one of our sales, complete, paid and not refunded since
 * (a refund, a failed or a pending payment never grants). Undefined otherwise.
 */
export async function fetchPaidSale(sessionId: string): Promise<PaidSale | undefined> {
  const session = await callStripe(() => stripe().checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge"] }));
  const meta = session.metadata ?? {};
  if (session.mode !== "payment" || meta.sale !== SALE_MARK || !meta.title_id || (meta.kind !== "rent" && meta.kind !== "buy")) return undefined;
  if (session.status !== "complete" || session.payment_status !== "paid") return undefined;
  const intent = typeof session.payment_intent === "object" ? session.payment_intent : null;
  const charge = intent && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  if (!intent || intent.status !== "succeeded" || isRefunded(charge)) return undefined;
  const customerId = idOf(session.customer);
  const accountId = customerId ? await findAccountIdByCustomer(customerId) : undefined;
  // The customer is ours and is the account the sale was made for.
  if (!accountId || accountId !== meta.account_id) return undefined;
  const kind = meta.kind;
  const values = grantValues(
    accountId,
    {
      kind,
      priceCents: session.amount_total ?? 0,
      currency: session.currency ?? "usd",
      rentalHours: kind === "rent" ? Number(meta.rental_hours) : null,
      startWithinDays: kind === "rent" ? Number(meta.start_within_days) : null,
    },
    meta.title_id,
    { provider: "stripe", stripeCheckoutSessionId: session.id, stripePaymentIntentId: intent.id },
  );
  const description = describeSale(kind, meta.title ?? "");
  const receipt = (purchase: Purchase) => ({
    ...receiptOf(purchase, intent.id, description),
    hostedInvoiceUrl: charge?.receipt_url ?? null,
    stripeCreated: session.created,
  });
  return { paymentIntentId: intent.id, grant: (tx) => grantPurchase(values, receipt, tx) };
}

/** The webhook's write for a paid sale: the grant, or DuplicateSale (the transaction then records nothing). */
export async function fetchSaleEffect(sessionId: string): Promise<((tx: Transaction) => Promise<void>) | undefined> {
  const sale = await fetchPaidSale(sessionId);
  if (!sale) return undefined;
  return async (tx) => {
    if ("conflict" in (await sale.grant(tx))) throw new DuplicateSale(sale.paymentIntentId);
  };
}

/**
 * The Checkout return page: grants a paid sale at once, without waiting for the webhook (a duplicate payment is
 * refunded). Returns the title's id when the session was one of our sales and is paid.
 */
export async function reconcileSale(sessionId: string): Promise<{ titleId: string; outcome: "granted" | "refunded" } | undefined> {
  const sale = await fetchPaidSale(sessionId);
  if (!sale) return undefined;
  const outcome = await sale.grant();
  if ("conflict" in outcome) {
    await refundDuplicate(sale.paymentIntentId);
    return { titleId: outcome.conflict.titleId, outcome: "refunded" };
  }
  return { titleId: outcome.granted.titleId, outcome: "granted" };
}

/** A payment made twice for one title (two Checkouts paid): Stripe gives it back, once whatever the retries. */
export async function refundDuplicate(paymentIntentId: string): Promise<void> {
  await callStripe(() =>
    stripe().refunds.create(
      { payment_intent: paymentIntentId, reason: "duplicate", metadata: { normflix: "already owned" } },
      { idempotencyKey: `normflix-duplicate-${paymentIntentId}` },
    ),
  );
}

/** Re-reads a charge; when Stripe says it is refunded in full, the revocation of what it paid for. */
export async function fetchRefund(chargeId: string): Promise<((tx?: Transaction) => Promise<unknown>) | undefined> {
  const charge = await callStripe(() => stripe().charges.retrieve(chargeId));
  const paymentIntentId = idOf(charge.payment_intent);
  // A partial refund (a goodwill gesture) keeps the title; a full one takes it back.
  if (!charge.refunded || !paymentIntentId) return undefined;
  return (tx) => refundPayment(paymentIntentId, tx);
}
