// GET /api/accounts/subscription – the subscription; PUT – change plan (and interval); DELETE – cancel the subscription
import { withApi } from "@/lib/api/with-api";
import { cancelSubscription, changePlan, getSubscription } from "@/lib/billing/subscriptions";
import { cancelSubscriptionEndpoint, changeSubscriptionEndpoint } from "../schema";
import { getSubscriptionEndpoint } from "../subscription-schema";

export const GET = withApi(getSubscriptionEndpoint, async ({ principal }) => getSubscription(principal.accountId));

export const PUT = withApi(changeSubscriptionEndpoint, async ({ principal, body }) => ({
  subscription: await changePlan(principal.accountId, body.subscription, body.interval, body.coupon),
}));

export const DELETE = withApi(cancelSubscriptionEndpoint, async ({ principal }) => ({
  subscription: await cancelSubscription(principal.accountId),
}));
