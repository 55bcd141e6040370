// GET /api/plans – the subscription plans with their prices and limits
import { withApi } from "@/lib/api/with-api";
import { plansForSale } from "@/lib/billing/plan-prices";
import { plansEndpoint } from "./schema";

export const GET = withApi(plansEndpoint, async () => ({ items: await plansForSale() }));
