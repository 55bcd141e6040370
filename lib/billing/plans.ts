// The three plans. Prices are in the smallest currency unit; `price_cents` is the monthly one, `prices` lists every
// billing interval a plan is sold with.
export const PLAN_IDS = ["basic", "standard", "premium"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export const INTERVALS = ["month", "year"] as const;
export type BillingInterval = (typeof INTERVALS)[number];

/** How often a price is billed, in words ("billed yearly"). */
export const BILLED: Record<BillingInterval, string> = { month: "monthly", year: "yearly" };

export type PlanPrice = { interval: BillingInterval; price_cents: number; currency: string };

export type Plan = {
  id: PlanId;
  name: string;
  price_cents: number;
  currency: string;
  interval: "month";
  prices: PlanPrice[];
  max_profiles: number;
  max_streams: number;
  max_quality: "480p" | "1080p" | "2160p";
};

/** The local provider's price table (with Stripe, the configured Stripe prices replace it: plan-prices.ts). */
export const LOCAL_PRICES: Record<PlanId, Record<BillingInterval, number>> = {
  basic: { month: 799, year: 7990 },
  standard: { month: 1549, year: 15490 },
  premium: { month: 2299, year: 22990 },
};

const localPrices = (id: PlanId): PlanPrice[] => INTERVALS.map((interval) => ({ interval, price_cents: LOCAL_PRICES[id][interval], currency: "usd" }));

export const PLANS: Record<PlanId, Plan> = {
  basic: { id: "basic", name: "Basic", price_cents: LOCAL_PRICES.basic.month, currency: "usd", interval: "month", prices: localPrices("basic"), max_profiles: 2, max_streams: 1, max_quality: "480p" },
  standard: { id: "standard", name: "Standard", price_cents: LOCAL_PRICES.standard.month, currency: "usd", interval: "month", prices: localPrices("standard"), max_profiles: 4, max_streams: 2, max_quality: "1080p" },
  premium: { id: "premium", name: "Premium", price_cents: LOCAL_PRICES.premium.month, currency: "usd", interval: "month", prices: localPrices("premium"), max_profiles: 5, max_streams: 4, max_quality: "2160p" },
};

/** A plan's price for `interval`, when it is sold that way. */
export const priceFor = (plan: Plan, interval: BillingInterval): PlanPrice | undefined => plan.prices.find((price) => price.interval === interval);

/**
 * What paying yearly saves against twelve monthly payments, in cents and in whole percent; undefined when the plan has
 * no yearly price or it saves nothing.
 */
export function yearlySaving(plan: Plan): { cents: number; percent: number } | undefined {
  const month = priceFor(plan, "month");
  const year = priceFor(plan, "year");
  if (!month || !year || year.currency !== month.currency) return undefined;
  const cents = month.price_cents * 12 - year.price_cents;
  return cents > 0 ? { cents, percent: Math.round((cents / (month.price_cents * 12)) * 100) } : undefined;
}

/**
 * Profiles an account has without an active plan: one, so a new or lapsed member can still watch free titles and what
 * they rent or buy.
 */
export const PROFILES_WITHOUT_PLAN = 1;

export const listPlans = (): Plan[] => PLAN_IDS.map((id) => PLANS[id]);

/** Why a member cancels (Stripe's cancellation feedback values). */
export const CANCEL_REASONS = [
  "too_expensive",
  "unused",
  "missing_features",
  "switched_service",
  "low_quality",
  "too_complex",
  "customer_service",
  "other",
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
