import "server-only";
import { grantPurchase } from "@/db/queries/purchases";
import { findSubscription, upsertSubscription } from "@/db/queries/subscriptions";
import { ApiError } from "@/lib/api/errors";
import { appUrl } from "@/lib/env";
import type { Subscription } from "@/db/schema";
import { discountedPrice, discountView, previewLocalCoupon, redeemLocalCoupon } from "./coupons";
import { BILLED, PLANS, priceFor, type BillingInterval, type PlanId } from "./plans";
import { prorate, totals, type PreviewLine } from "./preview";
import type { BillingProvider } from "./provider";
import { alreadyPurchased, describeSale, grantValues, receiptOf } from "./sales";

const DAY_MS = 86_400_000;
const PERIOD_MS: Record<BillingInterval, number> = { month: 30 * DAY_MS, year: 365 * DAY_MS };

const localPrice = (plan: PlanId, interval: BillingInterval) => (priceFor(PLANS[plan], interval) ?? PLANS[plan]).price_cents;

/**
 * What a local plan change does: the interval asked for (default: the running subscription's own, else monthly);
 * another plan on the same cycle keeps the period, another cycle starts a new period now.
 */
function changeTerms(current: Subscription | undefined, plan: PlanId, wanted: BillingInterval | undefined, now = new Date()) {
  const renewing = Boolean(current && current.status === "active" && current.currentPeriodEnd && current.currentPeriodEnd > now);
  const interval = wanted ?? (renewing ? current!.interval : "month");
  const keepPeriod = renewing && current!.interval === interval;
  const currentPeriodEnd = keepPeriod ? current!.currentPeriodEnd! : new Date(now.getTime() + PERIOD_MS[interval]);
  const currency = (priceFor(PLANS[plan], interval) ?? PLANS[plan]).currency;
  return { current, renewing, interval, keepPeriod, currentPeriodEnd, currency };
}

/**
 * No payment at all: changes apply at once, and a rental or purchase is granted at once with a receipt at the offer's
 * price (nothing is charged). The embedded default, and what most tests use.
 */
export const localProvider: BillingProvider = {
  name: "local",

  async changePlan(accountId, plan, wanted, coupon) {
    const { current, renewing, interval, currentPeriodEnd, currency } = changeTerms(await findSubscription(accountId), plan, wanted);
    // A new coupon replaces the discount; without one, a discount still running is kept.
    const discount = coupon ? await redeemLocalCoupon(coupon, currency, currentPeriodEnd) : renewing ? current!.discount : null;
    return upsertSubscription({
      accountId,
      plan,
      interval,
      status: "active",
      provider: "local",
      currentPeriodEnd,
      discount,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      scheduledPlan: null,
      scheduledInterval: null,
      scheduledChangeAt: null,
      pastDueSince: null,
    });
  },

  async previewChange(accountId, plan, wanted, coupon) {
    const now = new Date();
    const { current, renewing, interval, keepPeriod, currentPeriodEnd, currency } = changeTerms(await findSubscription(accountId), plan, wanted, now);
    const discount = coupon ? await previewLocalCoupon(coupon, currency, currentPeriodEnd, now) : renewing ? current!.discount : null;
    const cents = localPrice(plan, interval);
    const name = `${PLANS[plan].name} (${BILLED[interval]})`;
    const lines: PreviewLine[] = !renewing
      ? [{ description: name, amount_cents: cents }]
      : current!.plan === plan && current!.interval === interval
        ? []
        : prorate(
            { name: `${PLANS[current!.plan].name} (${BILLED[current!.interval]})`, cents: localPrice(current!.plan, current!.interval), periodEnd: current!.currentPeriodEnd!, periodMs: PERIOD_MS[current!.interval] },
            { name, cents, newPeriod: !keepPeriod },
            now,
          );
    return {
      plan,
      interval,
      applies: "now",
      effective_at: now.toISOString(),
      currency,
      lines,
      ...totals(lines, (amount) => discountedPrice(amount, discountView(discount, now))),
      next_charge: { at: currentPeriodEnd.toISOString(), amount_cents: discountedPrice(cents, discountView(discount, currentPeriodEnd)) },
    };
  },

  async cancel(accountId, request) {
    const current = await findSubscription(accountId);
    if (!current || current.status === "canceled") return current;
    const now = new Date();
    // At period end: access continues to the end of the period (activePlan ends it there), nothing renews.
    if (request?.atPeriodEnd && current.currentPeriodEnd && current.currentPeriodEnd > now) {
      return upsertSubscription({ ...current, cancelAtPeriodEnd: true, canceledAt: now, scheduledPlan: null, scheduledInterval: null, scheduledChangeAt: null });
    }
    return upsertSubscription({ ...current, status: "canceled", cancelAtPeriodEnd: false, canceledAt: now, currentPeriodEnd: now, pausedUntil: null });
  },

  // Nothing is charged locally: the row goes with the account.
  cancelNow: async () => undefined,

  async resume(accountId) {
    const current = await findSubscription(accountId);
    if (!current || current.status === "canceled") return current;
    const now = Date.now();
    const pausedFor = current.pausedUntil && current.pausedUntil.getTime() > now ? current.pausedUntil.getTime() - now : 0;
    return upsertSubscription({
      ...current,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      pausedUntil: null,
      // The period was lengthened by the whole pause: the part not taken is given back.
      currentPeriodEnd: current.currentPeriodEnd && pausedFor ? new Date(current.currentPeriodEnd.getTime() - pausedFor) : current.currentPeriodEnd,
    });
  },

  async pause(accountId, months) {
    const current = await findSubscription(accountId);
    if (!current) return current;
    const length = months * PERIOD_MS.month;
    const pausedUntil = new Date(Date.now() + length);
    // The time already paid for is kept: the period ends later by the pause's length.
    return upsertSubscription({ ...current, pausedUntil, currentPeriodEnd: current.currentPeriodEnd && new Date(current.currentPeriodEnd.getTime() + length) });
  },

  async startCheckout(accountId, plan, interval, coupon) {
    await localProvider.changePlan(accountId, plan, interval, coupon);
    return `${appUrl}/account?billing=success`;
  },

  async openPortal() {
    throw new ApiError(
      "billing_portal_unavailable",
      "This server has no payment provider: plans change at once, without payment methods or invoices.",
    );
  },

  async sell(sale) {
    const outcome = await grantPurchase(grantValues(sale.accountId, sale.offer, sale.title.id, { provider: "local" }), (purchase) =>
      receiptOf(purchase, `local_${purchase.id}`, describeSale(sale.offer.kind, sale.title.title)),
    );
    if ("conflict" in outcome) throw alreadyPurchased(outcome.conflict);
    return { purchase: outcome.granted };
  },

  reconcileCheckout: async () => undefined,
};
