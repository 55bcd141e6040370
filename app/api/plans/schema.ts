import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { INTERVALS, PLAN_IDS } from "@/lib/billing/plans";

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
        interval: z.literal("month").describe("The interval of price_cents; `prices` has every interval the plan is sold with."),
        prices: z
          .array(z.object({ interval: z.enum(INTERVALS), price_cents: z.number().int(), currency: z.string() }))
          .describe("The monthly price and, where sold, the yearly one (PUT /api/accounts/subscription with `interval`)."),
        max_profiles: z.number().int(),
        max_streams: z.number().int(),
        max_quality: z.string(),
      }),
    ),
  }),
});
