import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { accounts } from "./accounts";
import { purchases } from "./purchases";

// Stripe's side of billing. The account's current subscription lives in `subscriptions` (db/schema/accounts.ts).

/**
 * One Stripe customer per account. The row is claimed (customer id still null) before the customer is created at
 * Stripe, so two concurrent "subscribe" clicks cannot create two customers.
 */
export const billingCustomers = pgTable("billing_customers", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  stripeCustomerId: text("stripe_customer_id").unique(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every Stripe webhook event applied, recorded in the same transaction as its effect: a replay is a no-op. */
export const billingEvents = pgTable("billing_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Billing history: Stripe invoices as last read from Stripe, and the receipts of rentals and purchases. */
export const billingInvoices = pgTable(
  "billing_invoices",
  {
    id: text("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    number: text("number"),
    status: text("status").notNull(),
    currency: text("currency").notNull(),
    amountDue: integer("amount_due").notNull(),
    amountPaid: integer("amount_paid").notNull(),
    total: integer("total").notNull(),
    description: text("description"),
    periodStart: timestamp("period_start", { withTimezone: true }),
    periodEnd: timestamp("period_end", { withTimezone: true }),
    hostedInvoiceUrl: text("hosted_invoice_url"),
    invoicePdf: text("invoice_pdf"),
    /** A receipt's rental or purchase (its id is then the payment's, `pi_…`, or `local_<purchase id>`). */
    purchaseId: uuid("purchase_id").references(() => purchases.id, { onDelete: "set null" }),
    /** Stripe's creation time (seconds), the history's order. */
    stripeCreated: bigint("stripe_created", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("billing_invoices_account_idx").on(t.accountId, t.stripeCreated)],
);

export type BillingCustomer = typeof billingCustomers.$inferSelect;
export type BillingInvoice = typeof billingInvoices.$inferSelect;

/**
 * Why members cancelled (churn reasons for admins): one row per cancellation, with the plan it ended. `reason` is one
 * of Stripe's cancellation feedback values; `feedback` is the member's own words.
 */
export const subscriptionCancellations = pgTable(
  "subscription_cancellations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    plan: text("plan").notNull(),
    atPeriodEnd: boolean("at_period_end").notNull(),
    reason: text("reason"),
    feedback: text("feedback"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subscription_cancellations_created_idx").on(t.createdAt)],
);

export type SubscriptionCancellation = typeof subscriptionCancellations.$inferSelect;

/**
 * Coupons of the local provider, made by admins (with Stripe, promotion codes are made in the Dashboard). A percent or
 * an amount off, for one period, some months or for ever; optionally expiring and limited in redemptions. `code` is
 * stored upper-case (codes are matched case-insensitively).
 */
export const coupons = pgTable(
  "coupons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    percentOff: integer("percent_off"),
    amountOffCents: integer("amount_off_cents"),
    currency: text("currency"),
    duration: text("duration", { enum: ["once", "repeating", "forever"] }).notNull(),
    durationInMonths: integer("duration_in_months"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    maxRedemptions: integer("max_redemptions"),
    timesRedeemed: integer("times_redeemed").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("coupons_one_kind", sql`(${t.percentOff} is null) <> (${t.amountOffCents} is null)`)],
);

export type Coupon = typeof coupons.$inferSelect;
