import "server-only";
import { findSubscription, recordCancellation } from "@/db/queries/subscriptions";
import { ApiError } from "@/lib/api/errors";
import type { Subscription } from "@/db/schema";
import { env } from "@/lib/env";
import { PLANS, type BillingInterval, type Plan, type PlanId } from "./plans";
import { discountView, type DiscountView } from "./coupons";
import type { ChangePreview } from "./preview";
import { billingProvider, type CancelRequest } from "./provider";

export type SubscriptionView = {
  plan: PlanId | null;
  status: Subscription["status"] | "none";
  /** How often the plan is billed; null without a plan. */
  interval: BillingInterval | null;
  current_period_end: string | null;
  cancel_at_period_end: boolean;
  /** A downgrade that takes effect at `scheduled_change_at` (the end of the period). */
  scheduled_plan: PlanId | null;
  /** The billing interval from `scheduled_change_at` (a yearly plan switching to monthly at the year's end). */
  scheduled_interval: BillingInterval | null;
  scheduled_change_at: string | null;
  /** The coupon's discount while it applies. */
  discount: DiscountView | null;
  /** A pause the member asked for: no access and no charges until then (status `paused` meanwhile). */
  paused_until: string | null;
  /** past_due only: when access ends unless the payment goes through. */
  grace_period_ends_at: string | null;
  /** Whether the account may watch now (the same rule playback applies). */
  has_access: boolean;
};

const DAY_MS = 86_400_000;

/** The end of a past-due subscription's grace period (BILLING_GRACE_DAYS after the failed charge). */
export function gracePeriodEnd(row: Subscription): Date | null {
  if (row.status !== "past_due") return null;
  const since = row.pastDueSince ?? row.updatedAt;
  return new Date(since.getTime() + env.BILLING_GRACE_DAYS * DAY_MS);
}

/** Whether the member's own pause is running now. */
const pausedNow = (row: Subscription, now: Date = new Date()) => row.pausedUntil !== null && row.pausedUntil > now;

/**
 * THE access rule: the plan whose limits apply now, or null when the account has no subscription granting access.
 * Active and trialing subscriptions grant their plan; a past-due one keeps it for the grace period after its payment
 * failed; a cancellation at period end keeps it until that end. A pause the member asked for grants nothing until
 * it ends (and access returns by itself then). Everything else (canceled, incomplete, unpaid, paused) grants nothing.
 */
export function activePlan(row: Subscription | undefined, now: Date = new Date()): Plan | null {
  if (!row) return null;
  if (pausedNow(row, now)) return null;
  if (row.status === "past_due") {
    if (gracePeriodEnd(row)! <= now) return null;
  } else if (row.status !== "active" && row.status !== "trialing") {
    return null;
  }
  // A cancellation whose period is over ends access even if the provider's "ended" notice has not arrived yet.
  if (row.cancelAtPeriodEnd && row.currentPeriodEnd && row.currentPeriodEnd <= now) return null;
  return PLANS[row.plan];
}

export function describeSubscription(row: Subscription | undefined): SubscriptionView {
  if (!row) {
    return {
      plan: null,
      status: "none",
      interval: null,
      current_period_end: null,
      cancel_at_period_end: false,
      scheduled_plan: null,
      scheduled_interval: null,
      scheduled_change_at: null,
      discount: null,
      paused_until: null,
      grace_period_ends_at: null,
      has_access: false,
    };
  }
  return {
    plan: row.plan,
    status: pausedNow(row) && row.status !== "canceled" ? "paused" : row.status,
    interval: row.interval,
    current_period_end: row.currentPeriodEnd?.toISOString() ?? null,
    cancel_at_period_end: row.cancelAtPeriodEnd,
    scheduled_plan: row.scheduledPlan,
    scheduled_interval: row.scheduledChangeAt ? (row.scheduledInterval ?? row.interval) : null,
    scheduled_change_at: row.scheduledChangeAt?.toISOString() ?? null,
    discount: discountView(row.discount),
    paused_until: pausedNow(row) ? row.pausedUntil!.toISOString() : null,
    grace_period_ends_at: gracePeriodEnd(row)?.toISOString() ?? null,
    has_access: activePlan(row) !== null,
  };
}

export async function getSubscription(accountId: string): Promise<SubscriptionView> {
  return describeSubscription(await findSubscription(accountId));
}

/**
 * Switches the account to `plan`, billed every `interval` (default: the subscription's own, monthly for a new one).
 * With Stripe: upgrades and monthly-to-yearly apply at once (prorated), downgrades and yearly-to-monthly at the end of
 * the period, choosing the current plan and interval undoes a pending change or cancellation; an account with no
 * subscription and no saved card gets 402 `payment_method_required` with `details.checkout_url`.
 */
export async function changePlan(accountId: string, plan: PlanId, interval?: BillingInterval, coupon?: string): Promise<SubscriptionView> {
  return describeSubscription(await billingProvider().changePlan(accountId, plan, interval, coupon));
}

/**
 * What changing to `plan` (and `interval`, with `coupon`) would charge now and at the next renewal, and when it
 * applies, without changing anything: shown before the member confirms.
 */
export async function previewPlanChange(accountId: string, plan: PlanId, interval?: BillingInterval, coupon?: string): Promise<ChangePreview> {
  return billingProvider().previewChange(accountId, plan, interval, coupon);
}

/** Cancels: with Stripe at the end of the paid period (access continues until then), locally at once. */
export async function cancelSubscription(accountId: string): Promise<SubscriptionView> {
  return describeSubscription(await billingProvider().cancel(accountId));
}

/** Undoes a cancellation at period end, and ends a pause early. */
export async function resumeSubscription(accountId: string): Promise<SubscriptionView> {
  return describeSubscription(await billingProvider().resume(accountId));
}

/** A subscription that still runs (or is paused): what cancel, pause and resume act on; 409 otherwise. */
async function liveRow(accountId: string): Promise<Subscription> {
  const row = await findSubscription(accountId);
  if (!row || ["canceled", "incomplete"].includes(row.status) || (row.cancelAtPeriodEnd && row.currentPeriodEnd && row.currentPeriodEnd <= new Date())) {
    throw new ApiError("subscription_not_active", "The account has no running subscription.");
  }
  return row;
}

/**
 * Cancels at the end of the period already paid for (access continues until then, nothing is charged again) or now
 * (access ends at once; the rest of the period is not refunded). The reason and feedback are kept for admins.
 */
export async function cancelSubscriptionWith(accountId: string, request: CancelRequest): Promise<SubscriptionView> {
  const row = await liveRow(accountId);
  const after = await billingProvider().cancel(accountId, request);
  await recordCancellation({ accountId, plan: row.plan, atPeriodEnd: request.atPeriodEnd, reason: request.reason ?? null, feedback: request.feedback ?? null });
  return describeSubscription(after);
}

/** Resumes: undoes a pending cancellation or ends a pause early. 409 `nothing_to_resume` when neither is pending. */
export async function resumeSubscriptionNow(accountId: string): Promise<SubscriptionView> {
  const row = await liveRow(accountId);
  if (!row.cancelAtPeriodEnd && !row.pausedUntil) {
    throw new ApiError("nothing_to_resume", "The subscription is neither paused nor set to end: there is nothing to resume.");
  }
  return resumeSubscription(accountId);
}

/** Pauses an active subscription for 1–3 months: no access and no charges meanwhile; it resumes by itself. */
export async function pauseSubscription(accountId: string, months: number): Promise<SubscriptionView> {
  const row = await liveRow(accountId);
  if (row.status !== "active" || row.cancelAtPeriodEnd || pausedNow(row)) {
    const why = pausedNow(row) ? "it is paused already" : row.cancelAtPeriodEnd ? "it is set to end; resume it first" : `it is ${row.status.replace("_", " ")}`;
    throw new ApiError("subscription_not_pausable", `The subscription cannot be paused: ${why}.`);
  }
  return describeSubscription(await billingProvider().pause(accountId, months));
}
