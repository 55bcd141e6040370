import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, sessions } from "./accounts";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// A refresh token renews an API session's bearer token. Each one works once: redeeming it replaces the session's
// bearer token and issues the next refresh token. The session is the family: presenting a spent token again (a
// stolen copy, or the thief's after the owner refreshed) revokes the session and so every token of the family.
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    spentAt: timestamp("spent_at", { withTimezone: true }),
  },
  (t) => [index("refresh_tokens_session_idx").on(t.sessionId), index("refresh_tokens_account_idx").on(t.accountId)],
);

export const securityEventKind = pgEnum("security_event_kind", [
  "sign_in",
  "password_changed",
  "password_reset",
  "email_changed",
  "two_factor_enabled",
  "two_factor_disabled",
  "recovery_code_used",
  "refresh_token_reuse",
  "session_ended_from_alert",
  "settings_changed",
  "sso_sign_in",
  "identity_linked",
  "identity_unlinked",
]);

// What the account's owner is shown on /account/security: who signed in, from where, and every sensitive change.
export const securityEvents = pgTable(
  "security_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: securityEventKind("kind").notNull(),
    /** The session the event happened in or concerns (not a foreign key: the event outlives the session's row). */
    sessionId: uuid("session_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** What the kind alone does not say: the provider of a single sign-on, link or unlink. */
    detail: text("detail"),
    createdAt: createdAt(),
  },
  (t) => [index("security_events_account_idx").on(t.accountId, t.createdAt.desc())],
);

// Devices (by user agent) the account has signed in from: a sign-in from any other one triggers a login alert.
export const knownDevices = pgTable(
  "known_devices",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    deviceHash: text("device_hash").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.deviceHash] })],
);

// Two-factor recovery codes: ten per enabling, each usable once, only their SHA-256 stored.
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_account_idx").on(t.accountId)],
);

// Identities at OpenID Connect providers (Google, Apple, a generic issuer) that sign in to an account: the provider's
// stable subject, never the email, says who it is. One identity per provider per account.
export const accountIdentities = pgTable(
  "account_identities",
  {
    /** The provider's id in NormFlix: google, apple, oidc. */
    provider: text("provider").notNull(),
    /** The provider's `sub` claim. */
    subject: text("subject").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The address the provider gave when the identity was linked (for the owner to recognise it). */
    email: text("email"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.subject] }),
    uniqueIndex("account_identities_account_provider_key").on(t.accountId, t.provider),
  ],
);

export type AccountIdentity = typeof accountIdentities.$inferSelect;
export type SecurityEvent = typeof securityEvents.$inferSelect;
