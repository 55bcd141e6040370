// The three plans. Prices are monthly, in the smallest currency unit.
export const PLAN_IDS = ["basic", "standard", "premium"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export type Plan = {
  id: PlanId;
  name: string;
  price_cents: number;
  currency: string;
  interval: "month";
  max_profiles: number;
  max_streams: number;
  max_quality: "480p" | "1080p" | "2160p";
};

export const PLANS: Record<PlanId, Plan> = {
  basic: { id: "basic", name: "Basic", price_cents: 799, currency: "usd", interval: "month", max_profiles: 2, max_streams: 1, max_quality: "480p" },
  standard: { id: "standard", name: "Standard", price_cents: 1549, currency: "usd", interval: "month", max_profiles: 4, max_streams: 2, max_quality: "1080p" },
  premium: { id: "premium", name: "Premium", price_cents: 2299, currency: "usd", interval: "month", max_profiles: 5, max_streams: 4, max_quality: "2160p" },
};

/**
 * Profiles an account has without an active plan: one, so a new or lapsed member can still watch free titles and what
 * they rent or buy.
 */
export const PROFILES_WITHOUT_PLAN = 1;

export const listPlans = (): Plan[] => PLAN_IDS.map((id) => PLANS[id]);
