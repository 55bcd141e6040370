import "server-only";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "../client";
import { coupons, type Coupon } from "../schema";

export type NewCoupon = typeof coupons.$inferInsert;

/** Creates a coupon; undefined when its code is taken. */
export async function insertCoupon(values: NewCoupon): Promise<Coupon | undefined> {
  const [row] = await db().insert(coupons).values(values).onConflictDoNothing({ target: coupons.code }).returning();
  return row;
}

export async function findCoupon(code: string): Promise<Coupon | undefined> {
  const [row] = await db().select().from(coupons).where(eq(coupons.code, code));
  return row;
}

export async function listCoupons(page: { limit: number; offset: number }): Promise<{ rows: Coupon[]; total: number }> {
  const [rows, [{ total }]] = await Promise.all([
    db().select().from(coupons).orderBy(desc(coupons.createdAt), desc(coupons.id)).limit(page.limit).offset(page.offset),
    db().select({ total: sql<number>`count(*)::int` }).from(coupons),
  ]);
  return { rows, total };
}

/** Counts one redemption, only while the coupon is unexpired and has redemptions left; undefined otherwise. */
export async function redeemCoupon(code: string, now = new Date()): Promise<Coupon | undefined> {
  const [row] = await db()
    .update(coupons)
    .set({ timesRedeemed: sql`${coupons.timesRedeemed} + 1` })
    .where(
      and(
        eq(coupons.code, code),
        or(isNull(coupons.expiresAt), gt(coupons.expiresAt, now)),
        or(isNull(coupons.maxRedemptions), lt(coupons.timesRedeemed, coupons.maxRedemptions)),
      ),
    )
    .returning();
  return row;
}

export async function deleteCoupon(code: string): Promise<boolean> {
  return (await db().delete(coupons).where(eq(coupons.code, code)).returning({ id: coupons.id })).length > 0;
}
