"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { couponBody } from "@/app/api/admin/coupons/schema";
import { requireAdmin } from "@/lib/admin/guard";
import { createCoupon, deleteCoupon } from "@/lib/billing/coupons";
import { validatedAccountAction } from "@/lib/site/form-action";

const blank = (value: unknown) => (value === "" ? undefined : value);
const optionalNumber = z.preprocess(blank, z.coerce.number().int().optional());

/** The admin page's coupon form: the same rules as POST /api/admin/coupons, from form fields. */
const couponForm = z.object({
  code: z.string(),
  kind: z.enum(["percent", "amount"]),
  value: z.coerce.number().positive("Enter the discount."),
  duration: z.enum(["once", "repeating", "forever"]),
  duration_in_months: optionalNumber,
  expires_on: z.preprocess(blank, z.iso.date().optional()),
  max_redemptions: optionalNumber,
});

export const createCouponAction = validatedAccountAction(couponForm, async (form, principal) => {
  requireAdmin(principal);
  const parsed = couponBody.safeParse({
    code: form.code,
    ...(form.kind === "percent" ? { percent_off: form.value } : { amount_off_cents: Math.round(form.value * 100) }),
    duration: form.duration,
    duration_in_months: form.duration === "repeating" ? form.duration_in_months : undefined,
    expires_at: form.expires_on ? `${form.expires_on}T23:59:59Z` : undefined,
    max_redemptions: form.max_redemptions,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = { percent_off: "value", amount_off_cents: "value", expires_at: "expires_on" }[String(issue.path[0])] ?? String(issue.path[0]);
      (fieldErrors[field] ??= []).push(issue.message);
    }
    return { fieldErrors };
  }
  const coupon = await createCoupon(parsed.data);
  revalidatePath("/admin/coupons");
  return { success: `Coupon ${coupon.code} created.` };
});

export const deleteCouponAction = validatedAccountAction(z.object({ code: z.string().min(1).max(64) }), async ({ code }, principal) => {
  requireAdmin(principal);
  await deleteCoupon(code);
  revalidatePath("/admin/coupons");
  return { success: `Coupon ${code} deleted.` };
});
