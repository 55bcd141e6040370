// POST /api/accounts/subscription/resume – undo a pending cancellation or end a pause early
import { withApi } from "@/lib/api/with-api";
import { resumeSubscriptionNow } from "@/lib/billing/subscriptions";
import { resumeSubscriptionEndpoint } from "../../subscription-schema";

export const POST = withApi(resumeSubscriptionEndpoint, async ({ principal }) => ({ subscription: await resumeSubscriptionNow(principal.accountId) }));
