import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { PLAN_IDS } from "@/lib/billing/plans";

export const plansEndpoint = endpoint({
  method: "GET",
  path: "/api/plans",
  summary: "Subscription plans",
  tag: "Plans",
  auth: "none",
  response: z.object({
    items: z.array(
      z.object({
        id: z.enum(PLAN_IDS),
        name: z.string(),
        price_cents: z.number().int(),
        currency: z.string(),
        interval: z.literal("month"),
        max_profiles: z.number().int(),
        max_streams: z.number().int(),
        max_quality: z.string(),
      }),
    ),
  }),
});
