// GET /api/plans – the subscription plans with their prices and limits
import { withApi } from "@/lib/api/with-api";
import { listPlans } from "@/lib/billing/plans";
import { plansEndpoint } from "./schema";

export const GET = withApi(plansEndpoint, async () => ({ items: listPlans() }));
