// DELETE /api/admin/coupons/<code> – delete a coupon
import { withApi } from "@/lib/api/with-api";
import { deleteCoupon } from "@/lib/billing/coupons";
import { deleteCouponEndpoint } from "../schema";

export const DELETE = withApi(deleteCouponEndpoint, async ({ params }) => {
  await deleteCoupon(params.code);
  return { deleted: true as const };
});
