import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";

// The local billing provider's coupons (with Stripe, promotion codes are made in the Stripe Dashboard).

const tag = "Admin: coupons";

const coupon = z.object({
  id: z.guid(),
  code: z.string().describe("Matched case-insensitively; shown upper-case."),
  percent_off: z.number().int().nullable(),
  amount_off_cents: z.number().int().nullable(),
  currency: z.string().nullable().describe("An amount's currency; null for a percent."),
  duration: z.enum(["once", "repeating", "forever"]).describe("once: one billing period; repeating: duration_in_months; forever."),
  duration_in_months: z.number().int().nullable(),
  expires_at: z.string().nullable().describe("After this it cannot be redeemed (discounts already given keep running)."),
  max_redemptions: z.number().int().nullable(),
  times_redeemed: z.number().int(),
  created_at: z.string(),
});

export const couponBody = z
  .object({
    code: z.string().trim().regex(/^[A-Za-z0-9_-]{3,32}$/, "3–32 letters, digits, '_' or '-'"),
    percent_off: z.number().int().min(1).max(100).optional(),
    amount_off_cents: z.number().int().min(1).max(1_000_000).optional(),
    currency: z.string().regex(/^[a-z]{3}$/i).optional().describe("For amount_off_cents (default usd)."),
    duration: z.enum(["once", "repeating", "forever"]),
    duration_in_months: z.number().int().min(1).max(36).optional().describe("Required with duration repeating."),
    expires_at: z.iso.datetime({ offset: true }).optional(),
    max_redemptions: z.number().int().min(1).max(1_000_000).optional(),
  })
  .refine((body) => (body.percent_off === undefined) !== (body.amount_off_cents === undefined), {
    message: "Give either percent_off or amount_off_cents.",
    path: ["percent_off"],
  })
  .refine((body) => (body.duration === "repeating") === (body.duration_in_months !== undefined), {
    message: "duration_in_months goes with duration repeating, and only with it.",
    path: ["duration_in_months"],
  })
  .refine((body) => !body.expires_at || new Date(body.expires_at).getTime() > Date.now(), { message: "Must be in the future.", path: ["expires_at"] });

export const createCouponEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/coupons",
  summary: "Create a coupon (local billing)",
  description: "A percent or an amount off, for one period, some months or for ever; optionally expiring and limited in redemptions.",
  tag,
  auth: "admin",
  body: couponBody,
  response: coupon,
  errors: ["forbidden", "validation_failed", "coupon_exists"],
});

export const listCouponsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/coupons",
  summary: "List coupons, newest first",
  tag,
  auth: "admin",
  query: z.object({ ...pagination }),
  response: listOf(coupon),
  errors: ["forbidden", "validation_failed"],
});

export const deleteCouponEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/coupons/{code}",
  summary: "Delete a coupon (discounts already given keep running)",
  tag,
  auth: "admin",
  params: z.object({ code: z.string().min(1).max(64) }),
  response: z.object({ deleted: z.literal(true) }),
  errors: ["forbidden", "not_found", "validation_failed"],
});
