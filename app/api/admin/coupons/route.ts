// POST /api/admin/coupons – create a coupon; GET – list them
import { withApi } from "@/lib/api/with-api";
import { createCoupon, listCoupons } from "@/lib/billing/coupons";
import { createCouponEndpoint, listCouponsEndpoint } from "./schema";

export const POST = withApi(createCouponEndpoint, async ({ body }) => createCoupon(body));

export const GET = withApi(listCouponsEndpoint, async ({ query }) => listCoupons(query));
