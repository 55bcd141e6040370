// POST /api/billing/webhook – Stripe events: verified on the raw body, applied once each
import { ApiError } from "@/lib/api/errors";
import { withApi } from "@/lib/api/with-api";
import { stripeEnabled } from "@/lib/billing/stripe/client";
import { handleStripeWebhook } from "@/lib/billing/stripe/webhook";
import { stripeWebhookEndpoint } from "../schema";

export const POST = withApi(stripeWebhookEndpoint, async ({ req }) => {
  if (!stripeEnabled()) throw new ApiError("not_found", "Stripe billing is not configured on this server.");
  // The signature covers the exact bytes Stripe sent: read them as-is, never re-serialized JSON.
  return handleStripeWebhook(await req.text(), req.headers.get("stripe-signature"));
});
