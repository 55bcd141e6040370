import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { INTERVALS, PLAN_IDS } from "@/lib/billing/plans";

const username = z
  .string()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Use letters, digits, '.', '_' or '-', starting with a letter or digit")
  .describe("Unique, case-insensitively. 3–32 characters.");
const email = z.email().max(254).describe("Unique, case-insensitively.");
/** Required through the site's session cookie; with a bearer token optional (checked when given). */
export const currentPassword = z
  .string()
  .min(1)
  .max(1024)
  .optional()
  .describe("The account's password now. Required when calling with the site's session cookie (403 current_password_incorrect).");
const newPassword = z.string().min(8).max(256).describe("8–256 characters. Stored only as an argon2id hash.");

export const subscription = z.object({
  plan: z.enum(PLAN_IDS).nullable(),
  status: z.enum(["active", "trialing", "past_due", "canceled", "incomplete", "unpaid", "paused", "none"]),
  interval: z.enum(INTERVALS).nullable().describe("How often the plan is billed: month or year (null without a plan)."),
  current_period_end: z.string().nullable(),
  cancel_at_period_end: z.boolean(),
  scheduled_plan: z.enum(PLAN_IDS).nullable().describe("A downgrade that takes effect at scheduled_change_at (the period's end)."),
  scheduled_interval: z.enum(INTERVALS).nullable().describe("The billing interval from scheduled_change_at (yearly to monthly waits for the year's end)."),
  scheduled_change_at: z.string().nullable(),
  grace_period_ends_at: z.string().nullable().describe("past_due only: when access ends unless the payment succeeds."),
  discount: z
    .object({
      code: z.string(),
      percent_off: z.number().nullable(),
      amount_off_cents: z.number().int().nullable(),
      currency: z.string().nullable(),
      duration: z.enum(["once", "repeating", "forever"]),
      duration_in_months: z.number().int().nullable(),
      ends_at: z.string().nullable().describe("When the discount stops applying; null: for as long as the subscription lasts."),
    })
    .nullable()
    .describe("The coupon's discount while it applies."),
  paused_until: z.string().nullable().describe("A pause the member asked for: no access and no charges until then (status `paused`)."),
  has_access: z.boolean().describe("Whether the account may watch now."),
});

const tag = "Accounts";

/** A bearer token and the refresh token that renews it (POST /api/accounts/token/refresh). */
export const tokenPair = z.object({
  bearer_token: z.string(),
  expires_at: z.string(),
  expires_in: z.number().int().describe("Seconds until the bearer token expires (API_TOKEN_TTL_DAYS)."),
  refresh_token: z
    .string()
    .describe("Works once, for REFRESH_TOKEN_TTL_DAYS: spend it for a new pair. Spending it a second time signs the session out."),
});

export const createAccountEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/new",
  summary: "Create a new NormFlix account",
  tag,
  auth: "none",
  limit: "auth",
  body: z.object({ username, password: newPassword, email }),
  response: z.object({ id: z.uuid(), username: z.string(), email: z.string(), created_at: z.string() }),
  errors: ["username_taken", "email_taken", "validation_failed"],
});

export const createTokenEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/token",
  summary: "Sign in and create a new bearer token",
  description:
    "Failed attempts are limited per username and IP; over the limit the answer is 429 with Retry-After. With " +
    "two-factor sign-in on, the answer is 401 `two_factor_required` until `otp` (or `recovery_code`) is valid too; " +
    "wrong codes are limited per account, and a code works once.",
  tag,
  auth: "none",
  limit: "auth",
  body: z.object({
    username: z.string().min(1).max(254),
    password: z.string().min(1).max(1024),
    otp: z.string().min(1).max(16).optional().describe("With two-factor sign-in on: the 6-digit code from the authenticator app."),
    recovery_code: z.string().min(1).max(64).optional().describe("With two-factor sign-in on: one of the account's unused recovery codes."),
  }),
  response: tokenPair,
  errors: ["invalid_credentials", "two_factor_required", "rate_limited", "validation_failed"],
});

export const changeSubscriptionEndpoint = endpoint({
  method: "PUT",
  path: "/api/accounts/subscription",
  summary: "Change which subscription plan the account uses",
  description:
    "With Stripe billing: upgrades apply at once (the difference is prorated and charged now), downgrades at the end " +
    "of the period; choosing the current plan undoes a pending downgrade or cancellation. An account with no " +
    "subscription and no saved payment method gets 402 `payment_method_required` with `details.checkout_url`. " +
    "`interval` defaults to the subscription's own (monthly for a new one): monthly to yearly applies at once (a new " +
    "yearly period starts now, the unused part of the month credited), yearly to monthly at the end of the paid year. " +
    "Without Stripe every change applies at once, and a new interval starts a new period.",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.object({
    subscription: z.enum(PLAN_IDS).describe("The plan to switch to."),
    interval: z.enum(INTERVALS).optional().describe("Bill monthly or yearly (GET /api/plans lists each plan's prices)."),
    coupon: z.string().trim().min(1).max(64).optional().describe("A coupon code (without Stripe: made by admins; with Stripe: a promotion code). 422 `coupon_invalid` when it cannot be used."),
  }),
  response: z.object({ subscription }),
  errors: ["forbidden", "validation_failed", "coupon_invalid", "interval_unavailable", "payment_method_required", "payment_failed", "service_unavailable"],
});

export const cancelSubscriptionEndpoint = endpoint({
  method: "DELETE",
  path: "/api/accounts/subscription",
  summary: "Cancel the account's subscription",
  description:
    "With Stripe billing the subscription ends at the end of the period already paid for (access continues until " +
    "then, and PUT with the same plan resumes it); without Stripe it ends at once.",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({ subscription }),
  errors: ["forbidden", "service_unavailable"],
});

export const changeEmailEndpoint = endpoint({
  method: "PUT",
  path: "/api/accounts/email",
  summary: "Change the account's email address",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.object({ email, current_password: currentPassword }),
  response: z.object({ email: z.string() }),
  errors: ["forbidden", "email_taken", "validation_failed", "current_password_incorrect"],
});

export const changePasswordEndpoint = endpoint({
  method: "PUT",
  path: "/api/accounts/password",
  summary: "Change the account's password",
  description: "Every other session of the account (other tokens, other browsers) is signed out.",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.object({ password: newPassword, current_password: currentPassword }),
  response: z.object({ signed_out_sessions: z.number().int() }),
  errors: ["forbidden", "validation_failed", "current_password_incorrect"],
});

export const forgotPasswordEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/password/forgot",
  summary: "Mail a password reset link",
  description:
    "Always 202, whether or not an account uses the address, so the answer reveals nothing. When an enabled account " +
    "does, its address gets a single-use link to `/reset-password` (at most one per minute), valid for " +
    "PASSWORD_RESET_TTL_MINUTES. Its `token` is what POST /api/accounts/password/reset takes.",
  tag,
  auth: "none",
  limit: "auth",
  status: 202,
  body: z.object({ email: z.string().trim().min(3).max(254).describe("The account's email address.") }),
  response: z.object({ message: z.string() }),
  errors: ["validation_failed", "rate_limited"],
});

export const resetPasswordEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/password/reset",
  summary: "Set a new password with a reset link's token",
  description: "The token works once. Every session of the account (all tokens, all browsers) is signed out.",
  tag,
  auth: "none",
  limit: "auth",
  body: z.object({ token: z.string().min(1).max(256), new_password: newPassword }),
  response: z.object({ message: z.string(), signed_out_sessions: z.number().int() }),
  errors: ["reset_link_invalid", "validation_failed", "rate_limited"],
});

export const meEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/me",
  summary: "The signed-in account",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({
    id: z.uuid(),
    username: z.string(),
    email: z.string(),
    role: z.enum(["viewer", "admin"]),
    created_at: z.string(),
    email_verified: z.boolean().describe("Whether the owner confirmed the address from the mailed link (POST /api/accounts/email/verify)."),
    display_name: z.string().nullable(),
    phone: z.string().nullable().describe("E.164."),
    subscription,
    profile_count: z.number().int(),
    profile_limit: z.number().int().describe("Profiles the current plan allows (1 without an active plan)."),
  }),
  errors: ["forbidden"],
});

export const logoutEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/logout",
  summary: "Revoke the bearer token used for this request",
  tag,
  auth: "required",
  response: z.object({}),
  errors: ["forbidden"],
});

const device = z.object({
  id: z.uuid(),
  kind: z.enum(["api", "web"]),
  user_agent: z.string().nullable(),
  ip: z.string().nullable(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string(),
  current: z.boolean().describe("Whether this is the session making the request."),
});

export const listSessionsEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/sessions",
  summary: "Every signed-in device and API token of the account",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({ items: z.array(device) }),
  errors: ["forbidden"],
});

export const revokeSessionEndpoint = endpoint({
  method: "DELETE",
  path: "/api/accounts/sessions/{session_id}",
  summary: "Sign out one device",
  tag,
  auth: "required",
  accountHolder: true,
  params: z.object({ session_id: z.uuid() }),
  response: z.object({}),
  errors: ["forbidden", "session_not_found", "validation_failed"],
});

export const revokeOtherSessionsEndpoint = endpoint({
  method: "DELETE",
  path: "/api/accounts/sessions",
  summary: "Sign out every other device",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({ signed_out_sessions: z.number().int() }),
  errors: ["forbidden"],
});
