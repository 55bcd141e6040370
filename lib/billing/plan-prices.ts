import "server-only";
import { INTERVALS, listPlans, type BillingInterval, type Plan, type PlanPrice } from "./plans";
import { callStripe, priceIdOf, sellsInterval, stripe, stripeEnabled } from "./stripe/client";

// With Stripe, what the plans page shows must be what Checkout charges: the prices come from the configured Stripe
// prices (cached for a few minutes; a derived copy, so any number of instances may each hold one). A plan is sold
// yearly only when its yearly price is configured (STRIPE_PRICE_<PLAN>_YEARLY).

const TTL_MS = 10 * 60_000;
let cached: { at: number; plans: Plan[] } | undefined;

async function stripePrice(plan: Plan, interval: BillingInterval): Promise<PlanPrice | undefined> {
  const builtIn = plan.prices.find((price) => price.interval === interval);
  const price = await callStripe(() => stripe().prices.retrieve(priceIdOf(plan.id, interval)));
  if (price.unit_amount === null || price.recurring?.interval !== interval || price.recurring.interval_count !== 1) {
    console.warn(`Stripe price ${price.id} (${plan.id}) is not a fixed price per ${interval}: showing the built-in price`);
    return builtIn;
  }
  return { interval, price_cents: price.unit_amount, currency: price.currency };
}

async function priced(plan: Plan): Promise<Plan> {
  const sold = INTERVALS.filter((interval) => sellsInterval(plan.id, interval));
  const prices = (await Promise.all(sold.map((interval) => stripePrice(plan, interval)))).filter((price) => price !== undefined);
  const month = prices.find((price) => price.interval === "month");
  return { ...plan, prices, ...(month && { price_cents: month.price_cents, currency: month.currency }) };
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
    return cached?.plans ?? listPlans().map((plan) => ({ ...plan, prices: plan.prices.filter((price) => sellsInterval(plan.id, price.interval)) }));
  }
}
