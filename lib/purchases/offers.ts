import type { Purchase, TitleOffer } from "@/db/schema";

// How offers and a viewer's rental or purchase of a title read in the API (and on the site, which uses the same views).

export type OfferView = {
  kind: "rent" | "buy";
  price_cents: number;
  currency: string;
  rental_hours?: number;
  start_within_days?: number;
};

export function offerView(offer: TitleOffer): OfferView {
  return {
    kind: offer.kind,
    price_cents: offer.priceCents,
    currency: offer.currency,
    ...(offer.kind === "rent" && { rental_hours: offer.rentalHours!, start_within_days: offer.startWithinDays! }),
  };
}

export type OwnershipView = {
  purchase_id: string;
  kind: "rent" | "buy";
  purchased_at: string;
  /** Rentals: when the window opened (null until the first stream), when it ends, and by when it must start. */
  rental_starts_at: string | null;
  expires_at: string | null;
  start_by: string | null;
  /** Rentals: seconds of the window left (the whole window while not started). */
  remaining_seconds: number | null;
};

export function ownershipView(purchase: Purchase, now = Date.now()): OwnershipView {
  const rental = purchase.kind === "rent";
  const remaining = !rental
    ? null
    : purchase.expiresAt
      ? Math.max(0, Math.floor((purchase.expiresAt.getTime() - now) / 1000))
      : purchase.rentalHours! * 3600;
  return {
    purchase_id: purchase.id,
    kind: purchase.kind,
    purchased_at: purchase.purchasedAt.toISOString(),
    rental_starts_at: purchase.rentalStartedAt?.toISOString() ?? null,
    expires_at: purchase.expiresAt?.toISOString() ?? null,
    start_by: rental && !purchase.rentalStartedAt ? (purchase.startBy?.toISOString() ?? null) : null,
    remaining_seconds: remaining,
  };
}
