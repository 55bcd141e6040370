import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { CANCEL_REASONS, INTERVALS, PLAN_IDS } from "@/lib/billing/plans";
import { subscription } from "./schema";

// The account's subscription beyond the contract's plan switch (API-DESIGN.md, "Billing, beyond the plan switch").

const tag = "Accounts";

export const getSubscriptionEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/subscription",
  summary: "The account's subscription",
  description: "Plan, billing interval, status, the current period's end, a pending cancellation or change, and whether the account may watch now.",
  tag,
  auth: "required",
  accountHolder: true,
  response: subscription,
});

const changed = z.object({ subscription });

export const cancelSubscriptionWithReasonEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/subscription/cancel",
  summary: "Cancel now or at the end of the period, with a reason",
  description:
    "`at_period_end: true`: access continues to `current_period_end` and nothing is charged again (resume undoes it " +
    "until then). `false`: access ends at once and the rest of the period is not refunded. The reason and feedback " +
    "are kept for the service's admins (and sent to Stripe as the cancellation details).",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.object({
    at_period_end: z.boolean(),
    reason: z.enum(CANCEL_REASONS).optional(),
    feedback: z.string().trim().max(2000).optional().describe("In the member's own words."),
  }),
  response: changed,
  errors: ["forbidden", "validation_failed", "subscription_not_active", "service_unavailable"],
});

export const resumeSubscriptionEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/subscription/resume",
  summary: "Resume: undo a pending cancellation, or end a pause early",
  tag,
  auth: "required",
  accountHolder: true,
  response: changed,
  errors: ["forbidden", "subscription_not_active", "nothing_to_resume", "service_unavailable"],
});

export const pauseSubscriptionEndpoint = endpoint({
  method: "POST",
  path: "/api/accounts/subscription/pause",
  summary: "Pause for 1–3 months",
  description:
    "No access and no charges until `paused_until`; the subscription then resumes by itself (or earlier with " +
    "resume). Locally the period already paid for is moved back by the pause's length. Only an active subscription " +
    "without a pending cancellation can be paused (409 `subscription_not_pausable`).",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.object({ months: z.number().int().min(1).max(3) }),
  response: changed,
  errors: ["forbidden", "validation_failed", "subscription_not_active", "subscription_not_pausable", "service_unavailable"],
});

const cents = z.number().int();

export const previewSubscriptionChangeEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/subscription/preview",
  summary: "Preview what a plan or billing-cycle change will charge",
  description:
    "What `PUT /api/accounts/subscription` with the same `subscription`, `interval` and `coupon` would charge now and " +
    "at the next renewal, and when it applies; nothing changes. With Stripe this is Stripe's invoice preview: an " +
    "upgrade or a switch to yearly billing applies now and charges the prorated difference (the unused part of the " +
    "current price credited), a downgrade or a switch to monthly billing applies at the end of the period and " +
    "charges nothing now. Without Stripe every change applies at once; the same proration is computed, and nothing " +
    "is charged. The same refusals as the change itself: 422 `coupon_invalid`, 409 `interval_unavailable`.",
  tag,
  auth: "required",
  accountHolder: true,
  query: z.strictObject({
    subscription: z.enum(PLAN_IDS).describe("The plan to switch to."),
    interval: z.enum(INTERVALS).optional().describe("Monthly or yearly billing; default: the subscription's own (monthly for a new one)."),
    coupon: z.string().trim().min(1).max(64).optional().describe("A coupon code to apply with the change (checked, not redeemed)."),
  }),
  response: z.object({
    plan: z.enum(PLAN_IDS),
    interval: z.enum(INTERVALS),
    applies: z.enum(["now", "period_end"]).describe("When the change takes effect."),
    effective_at: z.string().describe("ISO 8601: now, or the end of the period already paid for."),
    currency: z.string(),
    lines: z.array(z.object({ description: z.string(), amount_cents: cents.describe("Negative for a credit.") })).describe("What is charged now, before the discount."),
    subtotal_cents: cents,
    discount_cents: cents,
    amount_due_now_cents: cents.describe("Charged when the change is made (0 when it waits for the period's end)."),
    next_charge: z.object({ at: z.string(), amount_cents: cents }).nullable().describe("The first renewal after the change."),
  }),
  errors: ["forbidden", "validation_failed", "coupon_invalid", "interval_unavailable", "service_unavailable"],
});
