import "server-only";
import type { NewPurchase, Receipt } from "@/db/queries/purchases";
import type { Purchase, TitleOffer } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";

// One sale of a title (a rental or a purchase), as both billing providers record it: the grant's values, with the
// offer's terms copied in, and its receipt in the billing history.

export type SaleTitle = { id: string; kind: "movie" | "show"; title: string };
export type Sale = { accountId: string; title: SaleTitle; offer: TitleOffer };

export const describeSale = (kind: "rent" | "buy", title: string) => `${kind === "rent" ? "Rental" : "Purchase"}: ${title}`;

const DAY_MS = 86_400_000;

export function grantValues(
  accountId: string,
  offer: Pick<TitleOffer, "kind" | "priceCents" | "currency" | "rentalHours" | "startWithinDays">,
  titleId: string,
  payment: Pick<NewPurchase, "provider" | "stripeCheckoutSessionId" | "stripePaymentIntentId">,
  now = Date.now(),
): NewPurchase {
  const rental = offer.kind === "rent";
  return {
    accountId,
    titleId,
    kind: offer.kind,
    priceCents: offer.priceCents,
    currency: offer.currency,
    rentalHours: rental ? offer.rentalHours : null,
    startBy: rental ? new Date(now + offer.startWithinDays! * DAY_MS) : null,
    ...payment,
  };
}

/** The receipt of a sale, under the payment's id. */
export function receiptOf(purchase: Purchase, id: string, description: string): Receipt {
  return {
    id,
    number: null,
    status: "paid",
    currency: purchase.currency,
    amountDue: purchase.priceCents,
    amountPaid: purchase.priceCents,
    total: purchase.priceCents,
    description,
    periodStart: null,
    periodEnd: null,
    hostedInvoiceUrl: null,
    invoicePdf: null,
    stripeCreated: Math.floor(purchase.purchasedAt.getTime() / 1000),
  };
}

/** 409 for a title the account holds already: bought, or rented and still watchable when renting again. */
export const alreadyPurchased = (held: Purchase) =>
  new ApiError(
    "already_purchased",
    held.kind === "buy" ? "You already own this title." : "You are already renting this title: watch it, or buy it to keep it.",
    { purchase_id: held.id, kind: held.kind },
  );
