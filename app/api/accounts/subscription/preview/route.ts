// GET /api/accounts/subscription/preview – what a plan or billing-cycle change would charge, before confirming it
import { withApi } from "@/lib/api/with-api";
import { previewPlanChange } from "@/lib/billing/subscriptions";
import { previewSubscriptionChangeEndpoint } from "../../subscription-schema";

export const GET = withApi(previewSubscriptionChangeEndpoint, async ({ principal, query }) =>
  previewPlanChange(principal.accountId, query.subscription, query.interval, query.coupon),
);
