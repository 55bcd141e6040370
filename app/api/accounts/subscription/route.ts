// PUT /api/accounts/subscription – change plan; DELETE – cancel the subscription
import { withApi } from "@/lib/api/with-api";
import { cancelSubscription, changePlan } from "@/lib/billing/subscriptions";
import { cancelSubscriptionEndpoint, changeSubscriptionEndpoint } from "../schema";

export const PUT = withApi(changeSubscriptionEndpoint, async ({ principal, body }) => ({
  subscription: await changePlan(principal.accountId, body.subscription),
}));

export const DELETE = withApi(cancelSubscriptionEndpoint, async ({ principal }) => ({
  subscription: await cancelSubscription(principal.accountId),
}));
