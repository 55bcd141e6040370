import "server-only";
import { setTitleOffers } from "@/db/queries/purchases";
import type { TitleAccess } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import type { OfferView } from "@/lib/purchases/offers";
import { getAdminTitle } from "./catalog";
import { requireAdmin } from "./guard";

// Who may play a title and what it sells for (the rule itself is lib/access/rules.ts).

const SOLD: readonly TitleAccess[] = ["rent_or_buy", "premium_early_access"];

function invalid(field: string, message: string): never {
  throw new ApiError("validation_failed", `The request body is invalid: ${field}: ${message}`, [{ field, message }]);
}

/** PUT /api/admin/titles/{id}/offers: sets the access and replaces the offers; answers the admin title. */
export async function setOffers(principal: Principal | undefined, titleId: string, input: { access: TitleAccess; offers: OfferView[] }) {
  requireAdmin(principal);
  const { access, offers } = input;
  if (!SOLD.includes(access) && offers.length > 0) invalid("body.offers", `a ${access} title is not sold: send no offers.`);
  if (access === "rent_or_buy" && offers.length === 0) invalid("body.offers", "a rent_or_buy title needs an offer, or nobody can watch it.");
  offers.forEach((offer, i) => {
    if (offers.findIndex((other) => other.kind === offer.kind) !== i) invalid(`body.offers.${i}.kind`, `one ${offer.kind} offer at most.`);
    const rent = offer.kind === "rent";
    if (rent !== (offer.rental_hours !== undefined) || rent !== (offer.start_within_days !== undefined)) {
      invalid(`body.offers.${i}`, rent ? "a rental needs rental_hours and start_within_days." : "a purchase has no rental_hours or start_within_days.");
    }
  });
  const saved = await setTitleOffers(
    titleId,
    access,
    offers.map((offer) => ({
      kind: offer.kind,
      priceCents: offer.price_cents,
      currency: offer.currency,
      rentalHours: offer.rental_hours ?? null,
      startWithinDays: offer.start_within_days ?? null,
    })),
  );
  if (!saved) throw new ApiError("not_found", "No title with that id.");
  return getAdminTitle(principal, titleId);
}
