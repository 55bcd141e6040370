import { z } from "zod";
import { securityEventKind } from "@/db/schema";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";
import { displayName, phoneNumber } from "@/lib/accounts/phone";
import { meEndpoint, tokenPair } from "./schema";

const tag = "Account security";

/** Minutes an account may choose for auto-logout. */
export const AUTO_LOGOUT_RANGE = { min: 5, max: 43_200 } as const;

export const refreshTokenEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/token/refresh",
  summary: "Renew a bearer token with a refresh token",
  description:
    "Spends the refresh token and answers a new bearer token and refresh token for the same session; the previous " +
    "bearer token stops working. A refresh token works once: presenting a spent one again (a stolen copy) signs the " +
    "whole session out, answers 401 `refresh_token_reused` and is logged in the account's security events.",
  tag,
  auth: "none",
  limit: "auth",
  body: z.strictObject({ refresh_token: z.string().min(1).max(256) }),
  response: tokenPair,
  errors: ["refresh_token_invalid", "refresh_token_reused", "validation_failed", "rate_limited"],
});

const settings = z.object({
  two_factor_enabled: z.boolean().describe("Turned on and off with POST /api/accounts/2fa/enable and /disable."),
  login_alerts: z.boolean().describe("Mail the account's address on a sign-in from a device it has not used before."),
  auto_logout_minutes: z
    .number()
    .int()
    .nullable()
    .describe("Any session of the account (browser or API token) unused for this long is signed out; null: the defaults."),
});

export const getSecuritySettingsEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/security",
  summary: "The account's security settings",
  tag,
  auth: "required",
  accountHolder: true,
  response: settings,
  errors: ["forbidden"],
});

export const updateSecuritySettingsEndpoint = endpoint({
  method: "PATCH",
  path: "/api/accounts/security",
  summary: "Change login alerts and the auto-logout time",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.strictObject({
    login_alerts: z.boolean().optional(),
    auto_logout_minutes: z
      .number()
      .int()
      .min(AUTO_LOGOUT_RANGE.min)
      .max(AUTO_LOGOUT_RANGE.max)
      .nullable()
      .optional()
      .describe(`${AUTO_LOGOUT_RANGE.min}–${AUTO_LOGOUT_RANGE.max} minutes, or null for the defaults.`),
  }),
  response: settings,
  errors: ["forbidden", "validation_failed"],
});

const securityEvent = z.object({
  id: z.uuid(),
  kind: z.enum(securityEventKind.enumValues),
  session_id: z.uuid().nullable().describe("The session it happened in or concerns."),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  detail: z.string().nullable().describe("For single sign-on, link and unlink events: the provider (google, apple, oidc)."),
  created_at: z.string(),
});

export const listSecurityEventsEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/security/events",
  summary: "The account's recent security events, newest first",
  description: "Sign-ins, password and email changes, two-factor changes, refresh-token reuse and settings changes.",
  tag,
  auth: "required",
  accountHolder: true,
  query: z.strictObject(pagination),
  response: listOf(securityEvent),
  errors: ["forbidden", "validation_failed"],
});

export const setUpTwoFactorEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/2fa/setup",
  summary: "Start setting up two-factor sign-in",
  description: "A new TOTP secret for an authenticator app, as an otpauth:// URL and a QR code (SVG). Nothing changes until /2fa/enable.",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({ otpauth_url: z.string(), qr_svg: z.string(), secret: z.string().describe("The base32 secret, to type in by hand.") }),
  errors: ["forbidden", "two_factor_enabled"],
});

export const enableTwoFactorEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/2fa/enable",
  summary: "Turn two-factor sign-in on",
  description: "With a current code from the authenticator just set up. Answers ten single-use recovery codes, shown only this once.",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.strictObject({ code: z.string().min(1).max(16) }),
  response: z.object({ recovery_codes: z.array(z.string()) }),
  errors: ["forbidden", "two_factor_enabled", "two_factor_not_set_up", "two_factor_code_incorrect", "rate_limited", "validation_failed"],
});

export const disableTwoFactorEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/2fa/disable",
  summary: "Turn two-factor sign-in off",
  description: "Needs the password and a current code (or an unused recovery code).",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.strictObject({ password: z.string().min(1).max(1024), code: z.string().min(1).max(64) }),
  response: z.object({ two_factor_enabled: z.boolean() }),
  errors: ["forbidden", "current_password_incorrect", "two_factor_not_set_up", "two_factor_code_incorrect", "rate_limited", "validation_failed"],
});

export const updateMeEndpoint = endpoint({
  method: "PATCH",
  path: "/api/accounts/me",
  summary: "Change the account's display name and phone number",
  description: "Either field may be left out; null clears it. The answer is the account as GET /api/accounts/me shows it.",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.strictObject({ display_name: displayName.nullable().optional(), phone: phoneNumber.nullable().optional() }),
  response: meEndpoint.response,
  errors: ["forbidden", "validation_failed"],
});

export const exportAccountEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/export",
  summary: "Everything NormFlix stores about the account, as JSON",
  description:
    "The account and the rows of every table that names it or one of its profiles (profiles, progress, lists, ratings, " +
    "subscription, invoices, sessions, security events…). Hashes and secrets are shown as \"[redacted]\".",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({ exported_at: z.string(), account: z.record(z.string(), z.unknown()), tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))) }),
  errors: ["forbidden"],
});

export const deleteMeEndpoint = endpoint({
  method: "DELETE",
  path: "/api/accounts/me",
  summary: "Delete the account and all its data",
  description: "Needs the password. A paid subscription is cancelled at once first; then the account, its profiles and everything about them are deleted.",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.strictObject({ password: z.string().min(1).max(1024) }),
  response: z.object({ deleted: z.literal(true) }),
  errors: ["forbidden", "current_password_incorrect", "validation_failed", "rate_limited", "service_unavailable"],
});

export const verifyEmailEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/email/verify",
  summary: "Confirm the account's email address with a mailed link's token",
  description:
    "Sign-up and every email change mail a link (`/verify-email?token=…`) to the new address: single use, valid " +
    "EMAIL_VERIFICATION_TTL_HOURS, and only for the address it was sent to. Needs no sign-in (the token is the proof). " +
    "A used, expired or outdated token answers 410 `verification_link_invalid`.",
  tag,
  auth: "none",
  limit: "auth",
  body: z.strictObject({ token: z.string().min(1).max(256) }),
  response: z.object({ email: z.string(), email_verified: z.literal(true) }),
  errors: ["verification_link_invalid", "validation_failed", "rate_limited"],
});

export const resendVerificationEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/email/verification",
  summary: "Mail the link confirming the account's email address again",
  description: "At most one link a minute (429 with Retry-After); 409 `email_already_verified` once the address is confirmed.",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({ sent: z.literal(true) }),
  errors: ["forbidden", "email_already_verified", "rate_limited"],
});
