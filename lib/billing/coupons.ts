import "server-only";
import { deleteCoupon as deleteCouponRow, findCoupon, insertCoupon, listCoupons as listCouponRows, redeemCoupon, type NewCoupon } from "@/db/queries/coupons";
import type { Coupon, StoredDiscount } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";

// Coupons: the local provider's own (made by admins here), and the discount a subscription carries from either
// provider (Stripe's promotion codes are made in the Stripe Dashboard and read back from the subscription).

const MONTH_MS = 30 * 86_400_000;

export type DiscountView = {
  code: string;
  percent_off: number | null;
  amount_off_cents: number | null;
  currency: string | null;
  duration: StoredDiscount["duration"];
  duration_in_months: number | null;
  /** When the discount stops applying; null: for as long as the subscription lasts. */
  ends_at: string | null;
};

export type CouponView = Omit<DiscountView, "ends_at"> & {
  id: string;
  expires_at: string | null;
  max_redemptions: number | null;
  times_redeemed: number;
  created_at: string;
};

/** Codes are matched case-insensitively: stored and looked up upper-case. */
export const normalizeCode = (code: string) => code.trim().toUpperCase();

const couponView = (row: Coupon): CouponView => ({
  id: row.id,
  code: row.code,
  percent_off: row.percentOff,
  amount_off_cents: row.amountOffCents,
  currency: row.currency,
  duration: row.duration,
  duration_in_months: row.durationInMonths,
  expires_at: row.expiresAt?.toISOString() ?? null,
  max_redemptions: row.maxRedemptions,
  times_redeemed: row.timesRedeemed,
  created_at: row.createdAt.toISOString(),
});

export type CouponInput = {
  code: string;
  percent_off?: number;
  amount_off_cents?: number;
  currency?: string;
  duration: StoredDiscount["duration"];
  duration_in_months?: number;
  expires_at?: string;
  max_redemptions?: number;
};

/** An admin creates a local coupon; 409 `coupon_exists` for a code in use. */
export async function createCoupon(input: CouponInput): Promise<CouponView> {
  const values: NewCoupon = {
    code: normalizeCode(input.code),
    percentOff: input.percent_off ?? null,
    amountOffCents: input.amount_off_cents ?? null,
    currency: input.amount_off_cents === undefined ? null : (input.currency ?? "usd").toLowerCase(),
    duration: input.duration,
    durationInMonths: input.duration === "repeating" ? input.duration_in_months! : null,
    expiresAt: input.expires_at ? new Date(input.expires_at) : null,
    maxRedemptions: input.max_redemptions ?? null,
  };
  const row = await insertCoupon(values);
  if (!row) throw new ApiError("coupon_exists", `A coupon with the code ${values.code} exists already.`);
  return couponView(row);
}

export async function listCoupons(page: { limit: number; offset: number }) {
  const { rows, total } = await listCouponRows(page);
  return { items: rows.map(couponView), total, limit: page.limit, offset: page.offset };
}

export async function deleteCoupon(code: string): Promise<void> {
  if (!(await deleteCouponRow(normalizeCode(code)))) throw new ApiError("not_found", "No such coupon.");
}

/** 422 `coupon_invalid`, saying why (`details.reason`: not_found, expired, used_up or currency). */
export function invalidCoupon(code: string, reason: "not_found" | "expired" | "used_up" | "currency"): ApiError {
  const why = {
    not_found: "does not exist",
    expired: "has expired",
    used_up: "has been used as many times as it allows",
    currency: "is for another currency than this plan's price",
  }[reason];
  return new ApiError("coupon_invalid", `The coupon ${code} ${why}.`, { coupon: code, reason });
}

/** The discount a coupon row gives a subscription whose (new) period ends at `periodEnd`. */
function discountOf(code: string, coupon: Coupon, periodEnd: Date, now: Date): StoredDiscount {
  const endsAt =
    coupon.duration === "once" ? periodEnd : coupon.duration === "repeating" ? new Date(now.getTime() + coupon.durationInMonths! * MONTH_MS) : null;
  return {
    code,
    percentOff: coupon.percentOff,
    amountOffCents: coupon.amountOffCents,
    currency: coupon.currency,
    duration: coupon.duration,
    durationInMonths: coupon.durationInMonths,
    endsAt: endsAt?.toISOString() ?? null,
  };
}

/** A local coupon that exists for `currency`; 422 `coupon_invalid` otherwise. */
async function usableCoupon(code: string, currency: string): Promise<Coupon> {
  const coupon = await findCoupon(code);
  if (!coupon) throw invalidCoupon(code, "not_found");
  if (coupon.currency && coupon.currency !== currency) throw invalidCoupon(code, "currency");
  return coupon;
}

/**
 * Redeems a local coupon for a subscription whose (new) period ends at `periodEnd`: counted once, and the discount to
 * store, lasting one period (once), some months (repeating) or for ever. 422 `coupon_invalid` when it cannot be used.
 */
export async function redeemLocalCoupon(rawCode: string, currency: string, periodEnd: Date, now = new Date()): Promise<StoredDiscount> {
  const code = normalizeCode(rawCode);
  const coupon = await usableCoupon(code, currency);
  const redeemed = await redeemCoupon(code, now);
  if (!redeemed) throw invalidCoupon(code, coupon.expiresAt && coupon.expiresAt <= now ? "expired" : "used_up");
  return discountOf(code, redeemed, periodEnd, now);
}

/** The discount `redeemLocalCoupon` would give, without redeeming it (a price preview); 422 when it cannot be used. */
export async function previewLocalCoupon(rawCode: string, currency: string, periodEnd: Date, now = new Date()): Promise<StoredDiscount> {
  const code = normalizeCode(rawCode);
  const coupon = await usableCoupon(code, currency);
  if (coupon.expiresAt && coupon.expiresAt <= now) throw invalidCoupon(code, "expired");
  if (coupon.maxRedemptions !== null && coupon.timesRedeemed >= coupon.maxRedemptions) throw invalidCoupon(code, "used_up");
  return discountOf(code, coupon, periodEnd, now);
}

/** The discount while it applies; null once it has ended (or without one). */
export function discountView(stored: StoredDiscount | null, now = new Date()): DiscountView | null {
  if (!stored || (stored.endsAt && new Date(stored.endsAt) <= now)) return null;
  return {
    code: stored.code,
    percent_off: stored.percentOff,
    amount_off_cents: stored.amountOffCents,
    currency: stored.currency,
    duration: stored.duration,
    duration_in_months: stored.durationInMonths,
    ends_at: stored.endsAt,
  };
}

/** A price after the discount (never below zero). */
export function discountedPrice(priceCents: number, discount: Pick<DiscountView, "percent_off" | "amount_off_cents"> | null): number {
  if (!discount) return priceCents;
  if (discount.percent_off !== null) return Math.round((priceCents * (100 - discount.percent_off)) / 100);
  return Math.max(0, priceCents - (discount.amount_off_cents ?? 0));
}
