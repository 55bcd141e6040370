import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";
import { INTERVALS, PLAN_IDS } from "@/lib/billing/plans";

const tag = "Billing";

export const stripeWebhookEndpoint = endpoint({
  method: "POST",
  path: "/api/billing/webhook",
  summary: "Stripe webhook endpoint",
  description:
    "For Stripe only. The raw body must carry a valid `Stripe-Signature` (400 otherwise, and nothing changes). Each " +
    "event id is applied once; the subscription is re-read from Stripe, so late or repeated events cannot regress it.",
  tag,
  auth: "none",
  limit: "none",
  response: z.object({
    received: z.literal(true),
    event_id: z.string(),
    result: z
      .enum(["applied", "duplicate", "ignored"])
      .describe("ignored: an event type NormFlix does not use, or one whose object Stripe no longer has."),
  }),
  errors: ["invalid_signature", "not_found", "payload_too_large"],
});

export const startCheckoutEndpoint = endpoint({
  method: "POST",
  path: "/api/billing/checkout",
  summary: "Start subscribing to a plan",
  description:
    "Returns the URL to send the user to: Stripe Checkout for a first subscription. An account that already " +
    "subscribes has its plan changed instead and gets its account page's URL. Without Stripe the plan applies at once.",
  tag,
  auth: "required",
  accountHolder: true,
  body: z.object({
    plan: z.enum(PLAN_IDS),
    interval: z.enum(INTERVALS).optional().describe("Bill monthly (the default) or yearly."),
    coupon: z.string().trim().min(1).max(64).optional().describe("A coupon code (without Stripe: made by admins; with Stripe: a promotion code). 422 `coupon_invalid` when it cannot be used."),
  }),
  response: z.object({ url: z.string() }),
  errors: ["forbidden", "validation_failed", "coupon_invalid", "interval_unavailable", "payment_failed", "service_unavailable"],
});

export const customerPortalEndpoint = endpoint({
  method: "POST",
  path: "/api/billing/portal",
  summary: "Open the Stripe Customer Portal",
  description: "Returns a short-lived URL where the user manages payment methods and sees invoices. 409 without Stripe.",
  tag,
  auth: "required",
  accountHolder: true,
  response: z.object({ url: z.string() }),
  errors: ["forbidden", "billing_portal_unavailable", "service_unavailable"],
});

const invoice = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.string().describe("open, paid, void or uncollectible; a receipt: paid or refunded."),
  description: z.string().nullable(),
  currency: z.string(),
  amount_due: z.number().int().describe("In the smallest currency unit."),
  amount_paid: z.number().int(),
  total: z.number().int(),
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  created_at: z.string(),
  hosted_invoice_url: z.string().nullable().describe("Stripe's page for the invoice (pay or download)."),
  invoice_pdf: z.string().nullable(),
  purchase_id: z.guid().nullable().describe("A receipt's rental or purchase (GET /api/accounts/purchases)."),
});

export const listInvoicesEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/invoices",
  summary: "Billing history",
  description:
    "The account's invoices and the receipts of its rentals and purchases, newest first. Without Stripe plans are " +
    "free, so only receipts appear (the local provider records a sale at its price without charging).",
  tag: "Accounts",
  auth: "required",
  accountHolder: true,
  query: z.object(pagination),
  response: listOf(invoice),
  errors: ["forbidden", "validation_failed"],
});
