// POST /api/billing/webhook – Stripe events: verified on the raw body, applied once each
import { ApiError } from "@/lib/api/errors";
import { readRawBody } from "@/lib/api/raw-body";
import { withApi } from "@/lib/api/with-api";
import { stripeEnabled } from "@/lib/billing/stripe/client";
import { handleStripeWebhook } from "@/lib/billing/stripe/webhook";
import { env } from "@/lib/env";
import { stripeWebhookEndpoint } from "../schema";

export const POST = withApi(stripeWebhookEndpoint, async ({ req }) => {
  if (!stripeEnabled()) throw new ApiError("not_found", "Stripe billing is not configured on this server.");
  // The signature covers the exact bytes Stripe sent: read them as-is, never re-serialized JSON, and no more than
  // MAX_BODY_BYTES of them (413 past that, chunked or not: the server never holds an unbounded body).
  return handleStripeWebhook(await readRawBody(req, env.MAX_BODY_BYTES), req.headers.get("stripe-signature"));
});
