import { z } from "zod";
import { TITLE_ACCESS } from "@/db/schema/catalog";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";
import { profileName } from "@/lib/profiles/profile-name";

const tag = "Purchases";

export const offer = z.object({
  kind: z.enum(["rent", "buy"]),
  price_cents: z.number().int().describe("In the smallest currency unit."),
  currency: z.string(),
  rental_hours: z.number().int().optional().describe("Rentals: hours of viewing once the first stream starts."),
  start_within_days: z.number().int().optional().describe("Rentals: days after paying within which viewing must start."),
});

export const ownership = z
  .object({
    purchase_id: z.guid(),
    kind: z.enum(["rent", "buy"]),
    purchased_at: z.string(),
    rental_starts_at: z.string().nullable().describe("Rentals: when the first stream opened the window (null before)."),
    expires_at: z.string().nullable(),
    start_by: z.string().nullable().describe("Rentals not started yet: the window must open before this."),
    remaining_seconds: z.number().int().nullable().describe("Rentals: viewing time left (the whole window before it opens)."),
  })
  .nullable()
  .describe("The account's rental or purchase of this title that still plays; null without one (or without a token).");

/** The fields title resources add (GET /api/movies/{id}, /api/shows/{id}, episodes). */
export const commerceFields = {
  access: z.enum(TITLE_ACCESS).describe("subscription: any plan; rent_or_buy: only rented or bought; premium_early_access: the Premium plan, or rented or bought; free: anyone signed in."),
  offers: z.array(offer),
  ownership,
};

const purchase = z.object({
  id: z.guid(),
  title_id: z.guid(),
  title: z.string(),
  type: z.enum(["movie", "show"]),
  kind: z.enum(["rent", "buy"]),
  price_cents: z.number().int(),
  currency: z.string(),
  purchased_at: z.string(),
  rental_hours: z.number().int().nullable(),
  rental_starts_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  start_by: z.string().nullable(),
  remaining_seconds: z.number().int().nullable().describe("Rentals: seconds of viewing left (0 once expired)."),
  status: z.enum(["active", "expired", "refunded"]),
});

export const purchaseTitleEndpoint = endpoint({
  method: "POST",
  path: "/api/purchases",
  summary: "Rent or buy a title",
  description:
    "With Stripe: 200 `{ url }`, a Checkout page (one-time payment); the title is granted when Stripe reports the " +
    "payment (webhook, or the return page). Without Stripe (local provider): 201 `{ purchase }`, granted at once. " +
    "409 `already_purchased` when the account owns the title, or rents it and asks to rent again (a rental may be " +
    "upgraded to a purchase). A kids profile cannot buy (403 `kids_profile`).",
  tag,
  auth: "required",
  accountHolder: true,
  profile: "optional",
  body: z.strictObject({
    title_id: z.guid(),
    kind: z.enum(["rent", "buy"]),
    profile: profileName.optional().describe("The profile buying (it must be allowed to see the title; kids profiles cannot buy)."),
  }),
  response: z.union([z.object({ url: z.string() }), z.object({ purchase })]),
  errors: ["forbidden", "validation_failed", "title_not_found", "offer_not_found", "already_purchased", "kids_profile", "profile_not_found", "profile_locked", "service_unavailable"],
});

const listQuery = z.strictObject({
  status: z.enum(["active", "expired", "all"]).default("all").describe("active: still playable; expired: run out, replaced or refunded."),
  ...pagination,
});

const listDefinition = {
  summary: "The account's rentals and purchases",
  description: "Newest first, with the time left on each rental. A rental's window opens at its first stream.",
  tag,
  auth: "required",
  accountHolder: true,
  query: listQuery,
  response: listOf(purchase),
  errors: ["forbidden", "validation_failed"],
} as const;

export const listPurchasesEndpoint = endpoint({ method: "GET", path: "/api/accounts/purchases", ...listDefinition });

export const listPurchasesAliasEndpoint = endpoint({ method: "GET", path: "/api/purchases", ...listDefinition, summary: "The account's rentals and purchases (same as GET /api/accounts/purchases)" });
