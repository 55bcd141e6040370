import type { BillingInterval, PlanId } from "./plans";

// What a plan or billing-cycle change will cost, shown before the member confirms it: Stripe's invoice preview, or the
// same proration computed by the local provider.

export type PreviewLine = { description: string; amount_cents: number };

export type ChangePreview = {
  plan: PlanId;
  interval: BillingInterval;
  /** `now`: the change applies at once (and `amount_due_now_cents` is charged); `period_end`: at `effective_at`. */
  applies: "now" | "period_end";
  effective_at: string;
  currency: string;
  /** What is charged now, before the discount: the new price, or the prorated difference (a credit is negative). */
  lines: PreviewLine[];
  subtotal_cents: number;
  discount_cents: number;
  /** Charged when the member confirms (never below zero: a credit goes to the next invoices). */
  amount_due_now_cents: number;
  /** The first renewal after the change: when, and for how much (with the discount that still runs then). */
  next_charge: { at: string; amount_cents: number } | null;
};

/**
 * The prorated lines of a change on a running period, as Stripe computes them: the unused part of the current price is
 * credited; on the same interval the new price is charged for what is left of the period, and on another interval a
 * new period starts now at the new price in full. `total` is what Stripe invoices (rounded once, as one amount).
 */
export function prorate(
  from: { name: string; cents: number; periodEnd: Date; periodMs: number },
  to: { name: string; cents: number; newPeriod: boolean },
  now: Date,
): PreviewLine[] {
  const remaining = Math.min(1, Math.max(0, (from.periodEnd.getTime() - now.getTime()) / from.periodMs));
  const unused = -Math.round(from.cents * remaining);
  const total = to.newPeriod ? Math.round(to.cents - from.cents * remaining) : Math.round((to.cents - from.cents) * remaining);
  return [
    { description: `Unused time on ${from.name}`, amount_cents: unused },
    { description: to.newPeriod ? to.name : `Remaining time on ${to.name}`, amount_cents: total - unused },
  ];
}

/** Sums the lines and applies a discount to a positive total (a credit is not discounted). */
export function totals(lines: PreviewLine[], discounted: (cents: number) => number) {
  const subtotal = lines.reduce((sum, line) => sum + line.amount_cents, 0);
  const total = subtotal > 0 ? discounted(subtotal) : subtotal;
  return { subtotal_cents: subtotal, discount_cents: subtotal - total, amount_due_now_cents: Math.max(0, total) };
}
