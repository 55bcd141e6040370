// POST /api/billing/portal – a Stripe Customer Portal session for payment methods and invoices
import { withApi } from "@/lib/api/with-api";
import { openCustomerPortal } from "@/lib/billing/checkout";
import { customerPortalEndpoint } from "../schema";

export const POST = withApi(customerPortalEndpoint, async ({ principal }) => ({
  url: await openCustomerPortal(principal.accountId),
}));
