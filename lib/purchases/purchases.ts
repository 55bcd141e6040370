import "server-only";
import { findTitle } from "@/db/queries/catalog";
import { findLiveRight, listAccountPurchases, listLiveRights, listOffers, listOffersOf, type PurchaseFilter, type PurchaseRow } from "@/db/queries/purchases";
import type { TitleAccess } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import type { Viewer } from "@/lib/access/rules";
import type { Audience } from "@/lib/access/visibility";
import { ApiError } from "@/lib/api/errors";
import { billingProvider } from "@/lib/billing/provider";
import { alreadyPurchased } from "@/lib/billing/sales";
import { offerView, ownershipView, type OfferView, type OwnershipView } from "./offers";

// Renting and buying single titles: the offers a title shows, a viewer's hold on it, the sale itself (through the
// billing provider) and the account's list of rentals and purchases. Whether a title plays is lib/access/rules.ts.

/** What the title resources add: who may play it, what it sells for, and the account's rental or purchase of it. */
export type Commerce = { access: TitleAccess; offers: OfferView[]; ownership: OwnershipView | null };

/** The commerce fields of one title for `accountId` (none: an anonymous read, so no ownership). */
export async function titleCommerce(title: { id: string; access: TitleAccess }, accountId: string | undefined): Promise<Commerce> {
  const [offers, held] = await Promise.all([listOffers(title.id), accountId ? findLiveRight(accountId, title.id) : undefined]);
  return { access: title.access, offers: offers.map(offerView), ownership: held ? ownershipView(held) : null };
}

/** The same for a page of titles, in two queries. */
export async function titlesCommerce(titles: { id: string; access: TitleAccess }[], accountId: string | undefined): Promise<Map<string, Commerce>> {
  const ids = titles.map((t) => t.id);
  const [offers, held] = await Promise.all([listOffersOf(ids), accountId ? listLiveRights(accountId, ids) : []]);
  return new Map(
    titles.map((t) => {
      const own = held.find((p) => p.titleId === t.id);
      return [t.id, { access: t.access, offers: offers.filter((o) => o.titleId === t.id).map(offerView), ownership: own ? ownershipView(own) : null }];
    }),
  );
}

export type PurchaseRequest = { title_id: string; kind: "rent" | "buy" };

/**
 * POST /api/purchases: sells the title's offer of that kind to the account. The profile, when named (or the site's
 * chosen one), must be a grown-up one that may see the title. Stripe: `{ url }` of Checkout; local: `{ purchase }`.
 */
export async function purchaseTitle(principal: Principal, viewer: Viewer | undefined, request: PurchaseRequest) {
  if (viewer?.profile.kids) throw new ApiError("kids_profile", "Kids profiles cannot rent or buy. Switch to a grown-up profile.");
  const audience: Audience = viewer?.profile;
  const title = await findTitle(request.title_id, undefined, audience);
  if (!title) throw new ApiError("title_not_found", "There is no title with this id.");
  const offer = (await listOffers(title.id)).find((o) => o.kind === request.kind);
  if (!offer || title.access === "subscription" || title.access === "free") {
    throw new ApiError("offer_not_found", `This title cannot be ${request.kind === "rent" ? "rented" : "bought"}.`);
  }
  const held = await findLiveRight(principal.accountId, title.id);
  if (held && (held.kind === "buy" || request.kind === "rent")) throw alreadyPurchased(held);
  const sold = await billingProvider().sell({ accountId: principal.accountId, title: { id: title.id, kind: title.kind, title: title.title }, offer });
  if ("url" in sold) return { url: sold.url };
  return { purchase: purchaseView({ ...sold.purchase, title: title.title, titleKind: title.kind, live: true }) };
}

export type PurchaseView = ReturnType<typeof purchaseView>;

export function purchaseView(row: PurchaseRow, now = Date.now()) {
  const own = ownershipView(row, now);
  return {
    id: row.id,
    title_id: row.titleId,
    title: row.title,
    type: row.titleKind,
    kind: row.kind,
    price_cents: row.priceCents,
    currency: row.currency,
    purchased_at: own.purchased_at,
    rental_hours: row.rentalHours,
    rental_starts_at: own.rental_starts_at,
    expires_at: own.expires_at,
    start_by: own.start_by,
    remaining_seconds: row.live ? own.remaining_seconds : row.kind === "rent" ? 0 : null,
    status: row.status === "refunded" ? ("refunded" as const) : row.live ? ("active" as const) : ("expired" as const),
  };
}

/** GET /api/accounts/purchases: the account's rentals and purchases, newest first, with what is left of each. */
export async function listPurchases(principal: Principal, query: { status: PurchaseFilter; limit: number; offset: number }) {
  const { rows, total } = await listAccountPurchases(principal.accountId, query.status, query);
  return { items: rows.map((row) => purchaseView(row)), total, limit: query.limit, offset: query.offset };
}
