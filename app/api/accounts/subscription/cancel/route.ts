// POST /api/accounts/subscription/cancel – cancel now or at the period's end, with a reason
import { withApi } from "@/lib/api/with-api";
import { cancelSubscriptionWith } from "@/lib/billing/subscriptions";
import { cancelSubscriptionWithReasonEndpoint } from "../../subscription-schema";

export const POST = withApi(cancelSubscriptionWithReasonEndpoint, async ({ principal, body }) => ({
  subscription: await cancelSubscriptionWith(principal.accountId, { atPeriodEnd: body.at_period_end, reason: body.reason, feedback: body.feedback || undefined }),
}));
