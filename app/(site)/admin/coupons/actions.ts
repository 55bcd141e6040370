"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { couponBody } from "@/app/api/admin/coupons/schema";
import { requireAdmin } from "@/lib/admin/guard";
import { createCoupon, deleteCoupon } from "@/lib/billing/coupons";
import { fieldErrors } from "@/lib/i18n/errors";
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
    // The API's field names, moved onto the form's fields; worded in the request's language as every form's are.
    const errors: Record<string, string[]> = {};
    for (const [name, messages] of Object.entries(await fieldErrors(parsed.error, z.flattenError))) {
      const field = { percent_off: "value", amount_off_cents: "value", expires_at: "expires_on" }[name] ?? name;
      (errors[field] ??= []).push(...(messages ?? []));
    }
    return { fieldErrors: errors };
  }
  const coupon = await createCoupon(parsed.data);
  revalidatePath("/admin/coupons");
  return { success: (await getTranslations("admin.coupons"))("created", { code: coupon.code }) };
});

export const deleteCouponAction = validatedAccountAction(z.object({ code: z.string().min(1).max(64) }), async ({ code }, principal) => {
  requireAdmin(principal);
  await deleteCoupon(code);
  revalidatePath("/admin/coupons");
  return { success: (await getTranslations("admin.coupons"))("deleted", { code }) };
});
