// POST /api/accounts/subscription/pause – pause for 1–3 months
import { withApi } from "@/lib/api/with-api";
import { pauseSubscription } from "@/lib/billing/subscriptions";
import { pauseSubscriptionEndpoint } from "../../subscription-schema";

export const POST = withApi(pauseSubscriptionEndpoint, async ({ principal, body }) => ({ subscription: await pauseSubscription(principal.accountId, body.months) }));
