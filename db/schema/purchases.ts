import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { titles } from "./catalog";

// Selling single titles beside the subscription: a title's offers (rent for a window, buy to keep), and the rights
// bought with them. The rule that turns them into playback is lib/access/rules.ts.

export const OFFER_KINDS = ["rent", "buy"] as const;
export const offerKind = pgEnum("offer_kind", OFFER_KINDS);

/** What a title sells for. A rental's viewing window opens at its first stream and must open within `start_within_days`. */
export const titleOffers = pgTable(
  "title_offers",
  {
    titleId: uuid("title_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    kind: offerKind("kind").notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull().default("usd"),
    rentalHours: integer("rental_hours"),
    startWithinDays: integer("start_within_days"),
  },
  (t) => [
    primaryKey({ columns: [t.titleId, t.kind] }),
    check("title_offers_price_check", sql`${t.priceCents} > 0`),
    check(
      "title_offers_window_check",
      sql`case ${t.kind} when 'rent' then ${t.rentalHours} > 0 and ${t.startWithinDays} > 0 else ${t.rentalHours} is null and ${t.startWithinDays} is null end`,
    ),
  ],
);

/**
 * `active`: a purchase, or a rental (whose window may have run out since; expiry is a matter of time, not of state);
 * `ended`: a rental replaced by a newer rental or a purchase of the same title; `refunded`: the payment was returned.
 */
export const purchaseStatus = pgEnum("purchase_status", ["active", "ended", "refunded"]);

/** A rental or a purchase: one active per title per account (a unique index holds it against concurrent grants). */
export const purchases = pgTable(
  "purchases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    titleId: uuid("title_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    kind: offerKind("kind").notNull(),
    status: purchaseStatus("status").notNull().default("active"),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    /** Copied from the offer at purchase: a later price or window change does not touch what was bought. */
    rentalHours: integer("rental_hours"),
    /** A rental not started by then has lapsed. */
    startBy: timestamp("start_by", { withTimezone: true }),
    /** Written once, by the first stream (`... where rental_started_at is null`), with `expires_at`. */
    rentalStartedAt: timestamp("rental_started_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    provider: text("provider").notNull(),
    stripeCheckoutSessionId: text("stripe_checkout_session_id").unique(),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    purchasedAt: timestamp("purchased_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("purchases_one_active_key").on(t.accountId, t.titleId).where(sql`${t.status} = 'active'`),
    index("purchases_account_idx").on(t.accountId, t.purchasedAt),
    index("purchases_payment_intent_idx").on(t.stripePaymentIntentId),
    index("purchases_purchased_idx").on(t.purchasedAt),
    check("purchases_rental_check", sql`${t.kind} = 'buy' or (${t.rentalHours} > 0 and ${t.startBy} is not null)`),
  ],
);

// A rental's "6 hours left" notification, scheduled when its viewing window opens and delivered (then deleted) by the
// notification queue at due_at, unless the rental ended or was refunded meanwhile.
export const rentalReminders = pgTable(
  "rental_reminders",
  {
    purchaseId: uuid("purchase_id")
      .primaryKey()
      .references(() => purchases.id, { onDelete: "cascade" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rental_reminders_due_idx").on(t.dueAt)],
);

export type TitleOffer = typeof titleOffers.$inferSelect;
export type Purchase = typeof purchases.$inferSelect;
