import "server-only";
import Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { INTERVALS, PLAN_IDS, type BillingInterval, type PlanId } from "../plans";

// The one Stripe client of this process, created on first use (never at import: `next build` has no keys).
// STRIPE_API_BASE points it at a local fake or mock for tests and development; production leaves it unset.

let client: Stripe | undefined;

export const stripeEnabled = (): boolean => Boolean(env.STRIPE_SECRET_KEY);

export function stripe(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new Error("Stripe is not configured (STRIPE_SECRET_KEY is unset).");
  if (!client) {
    const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : undefined;
    client = new Stripe(env.STRIPE_SECRET_KEY, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: "NormFlix" },
      ...(base && {
        protocol: base.protocol === "http:" ? "http" : "https",
        host: base.hostname,
        port: base.port || (base.protocol === "http:" ? 80 : 443),
      }),
    });
  }
  return client;
}

export function webhookSecret(): string {
  if (!env.STRIPE_WEBHOOK_SECRET) throw new Error("Stripe is not configured (STRIPE_WEBHOOK_SECRET is unset).");
  return env.STRIPE_WEBHOOK_SECRET;
}

const priceIds = (): Record<BillingInterval, Record<PlanId, string | undefined>> => ({
  month: { basic: env.STRIPE_PRICE_BASIC, standard: env.STRIPE_PRICE_STANDARD, premium: env.STRIPE_PRICE_PREMIUM },
  year: { basic: env.STRIPE_PRICE_BASIC_YEARLY, standard: env.STRIPE_PRICE_STANDARD_YEARLY, premium: env.STRIPE_PRICE_PREMIUM_YEARLY },
});

const settingOf = (plan: PlanId, interval: BillingInterval) => `STRIPE_PRICE_${plan.toUpperCase()}${interval === "year" ? "_YEARLY" : ""}`;

/** Whether the plan is sold with `interval` (a yearly price is optional: STRIPE_PRICE_<PLAN>_YEARLY). */
export const sellsInterval = (plan: PlanId, interval: BillingInterval): boolean => Boolean(priceIds()[interval][plan]);

/** The Stripe price of a plan (STRIPE_PRICE_<PLAN>, or STRIPE_PRICE_<PLAN>_YEARLY for the yearly one). */
export function priceIdOf(plan: PlanId, interval: BillingInterval = "month"): string {
  const id = priceIds()[interval][plan];
  if (!id) throw new Error(`${settingOf(plan, interval)} is not set.`);
  return id;
}

/** The plan and interval a Stripe price stands for, or undefined for a price NormFlix does not sell. */
export function pricePlan(priceId: string | undefined): { plan: PlanId; interval: BillingInterval } | undefined {
  if (!priceId) return undefined;
  const ids = priceIds();
  for (const interval of INTERVALS) {
    const plan = PLAN_IDS.find((id) => ids[interval][id] === priceId);
    if (plan) return { plan, interval };
  }
  return undefined;
}

/** The plan a Stripe price stands for (monthly or yearly), or undefined for a price NormFlix does not sell. */
export const planOfPrice = (priceId: string | undefined): PlanId | undefined => pricePlan(priceId)?.plan;

/** The id of an expandable Stripe field, whether it came expanded or not. */
export const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === "string" ? value : (value?.id ?? undefined);

/**
 * Runs a Stripe call, turning failures a user can act on into API errors: a declined card is 402, Stripe being
 * unreachable or overloaded is 503. Anything else (a bad request from us, bad keys) stays an internal error.
 */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      throw new ApiError("payment_failed", error.message || "The payment was declined.", { decline_code: error.decline_code ?? error.code });
    }
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError
    ) {
      console.error(`Stripe unavailable: ${error.type}: ${error.message}`);
      throw new ApiError("service_unavailable", "The payment provider could not be reached. Please try again shortly.", undefined, { "Retry-After": "10" });
    }
    throw error;
  }
}
