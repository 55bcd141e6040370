// POST /api/billing/checkout – where to send the user to subscribe to a plan (Stripe Checkout)
import { withApi } from "@/lib/api/with-api";
import { startCheckout } from "@/lib/billing/checkout";
import { startCheckoutEndpoint } from "../schema";

export const POST = withApi(startCheckoutEndpoint, async ({ principal, body }) => ({
  url: await startCheckout(principal.accountId, body.plan, body.interval, body.coupon),
}));
