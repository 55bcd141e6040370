import "server-only";
import { listPlans, type Plan } from "./plans";
import { callStripe, priceIdOf, stripe, stripeEnabled } from "./stripe/client";

// With Stripe, what the plans page shows must be what Checkout charges: the prices come from the configured Stripe
// prices (cached for a few minutes; a derived copy, so any number of instances may each hold one).

const TTL_MS = 10 * 60_000;
let cached: { at: number; plans: Plan[] } | undefined;

async function priced(plan: Plan): Promise<Plan> {
  const price = await callStripe(() => stripe().prices.retrieve(priceIdOf(plan.id)));
  if (price.unit_amount === null || price.recurring?.interval !== "month" || price.recurring.interval_count !== 1) {
    console.warn(`Stripe price ${price.id} (${plan.id}) is not a monthly fixed price: showing the built-in price`);
    return plan;
  }
  return { ...plan, price_cents: price.unit_amount, currency: price.currency };
}

/** The plans with the prices customers are charged: Stripe's when Stripe is configured, else the built-in ones. */
export async function plansForSale(): Promise<Plan[]> {
  if (!stripeEnabled()) return listPlans();
  if (cached && Date.now() - cached.at < TTL_MS) return cached.plans;
  try {
    const plans = await Promise.all(listPlans().map(priced));
    cached = { at: Date.now(), plans };
    return plans;
  } catch (error) {
    console.error(`Stripe prices could not be read: ${(error as Error).message}`);
    return cached?.plans ?? listPlans();
  }
}
