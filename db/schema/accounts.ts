import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** A postal address as Stripe keeps one (country: ISO 3166-1 alpha-2). */
export type BillingAddress = {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postal_code: string;
  state: string | null;
  country: string;
};

export const accountRole = pgEnum("account_role", ["viewer", "admin"]);

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull(),
    email: text("email").notNull(),
    /** argon2id; null for an account made by single sign-on that never set a password (it signs in with its identities). */
    passwordHash: text("password_hash"),
    role: accountRole("role").notNull().default("viewer"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    displayName: text("display_name"),
    /** E.164 (+14155550123). */
    phone: text("phone"),
    /** Mail the owner when the account signs in from a device it has not used before. */
    loginAlerts: boolean("login_alerts").notNull().default(true),
    /** The owner's idle timeout: any session of the account unused for this long has ended (null: the defaults). */
    autoLogoutMinutes: integer("auto_logout_minutes"),
    /** TOTP secret (base32); two-factor sign-in is on once totp_enabled_at is set. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted: a code of that step or an earlier one is never accepted again. */
    totpLastStep: integer("totp_last_step"),
    /** Where invoices are addressed (lib/billing/billing-address.ts); also kept on the Stripe customer. */
    billingAddress: jsonb("billing_address").$type<BillingAddress>(),
    /** When the owner confirmed the current address from a mailed link (null: not yet; a change clears it). */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Case-insensitive uniqueness lives in the database, so concurrent sign-ups cannot both win.
    uniqueIndex("accounts_username_key").on(sql`lower(${t.username})`),
    uniqueIndex("accounts_email_key").on(sql`lower(${t.email})`),
  ],
);

export const sessionKind = pgEnum("session_kind", ["api", "web"]);

// One row per signed-in device: API bearer tokens and site sessions alike. Only the token's SHA-256 is stored.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: sessionKind("kind").notNull(),
    tokenHash: text("token_hash").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("sessions_token_hash_key").on(t.tokenHash), index("sessions_account_idx").on(t.accountId)],
);

// A password reset link: single use, expiring. Only the token's SHA-256 is stored, like session tokens.
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("password_resets_account_idx").on(t.accountId)],
);

// Links that confirm an address (lib/accounts/email-verification.ts): only the token's SHA-256 is stored, with the
// address it confirms, so a link sent before an email change confirms nothing after it.
export const emailVerifications = pgTable(
  "email_verifications",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("email_verifications_account_idx").on(t.accountId)],
);

export const planId = pgEnum("plan_id", ["basic", "standard", "premium"]);
export const subscriptionStatus = pgEnum("subscription_status", [
  "active",
  "trialing",
  "past_due",
  "canceled",
  "incomplete",
  "unpaid",
  "paused",
]);

/** A discount as stored with the subscription; `endsAt` (ISO) null: it lasts as long as the subscription. */
export type StoredDiscount = {
  code: string;
  percentOff: number | null;
  amountOffCents: number | null;
  currency: string | null;
  duration: "once" | "repeating" | "forever";
  durationInMonths: number | null;
  endsAt: string | null;
};

/** How often a plan is billed (each plan has a monthly and a yearly price). */
export const billingInterval = pgEnum("billing_interval", ["month", "year"]);

// The account's current subscription, as last known from the billing provider.
export const subscriptions = pgTable("subscriptions", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  plan: planId("plan").notNull(),
  status: subscriptionStatus("status").notNull(),
  interval: billingInterval("interval").notNull().default("month"),
  provider: text("provider").notNull(),
  currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
  cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
  canceledAt: timestamp("canceled_at", { withTimezone: true }),
  /** Stripe only: the subscription this row mirrors. */
  stripeSubscriptionId: text("stripe_subscription_id").unique(),
  /** A downgrade waiting for the end of the period (Stripe subscription schedule), and when it takes effect. */
  scheduledPlan: planId("scheduled_plan"),
  /** The billing interval the scheduled change moves to (a yearly plan switching to monthly waits for the year's end). */
  scheduledInterval: billingInterval("scheduled_interval"),
  scheduledChangeAt: timestamp("scheduled_change_at", { withTimezone: true }),
  /** The coupon applied to the subscription (a local coupon, or Stripe's discount as last read), while it lasts. */
  discount: jsonb("discount").$type<StoredDiscount>(),
  /** A pause the member asked for (1–3 months): no access and no charges until then (Stripe: pause_collection). */
  pausedUntil: timestamp("paused_until", { withTimezone: true }),
  /** When the unpaid invoice that made the subscription past_due was first charged: the grace period runs from here. */
  pastDueSince: timestamp("past_due_since", { withTimezone: true }),
  /** When the state stored here was read from Stripe; an older read never overwrites a newer one. */
  syncedAt: timestamp("synced_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// Fixed-window counters shared by every app instance (rate limits, login throttling).
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

export type Account = typeof accounts.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
