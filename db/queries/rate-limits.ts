import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "../client";
import { rateLimits } from "../schema";

export type Counter = { count: number; windowStart: Date };

const windowExpired = (seconds: number) => sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${seconds})`;

/** Counts one hit in the key's current fixed window (starting a new window when the old one is over). */
export async function incrementCounter(key: string, windowSeconds: number): Promise<Counter> {
  const [row] = await db()
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${windowExpired(windowSeconds)} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${windowExpired(windowSeconds)} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  return row;
}

/** The key's count in its current window, without counting a hit. */
export async function readCounter(key: string, windowSeconds: number): Promise<Counter | undefined> {
  const [row] = await db()
    .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStart, sql`now() - make_interval(secs => ${windowSeconds})`)));
  return row;
}

export async function deleteCounter(key: string): Promise<void> {
  await db().delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function deleteCountersOlderThan(seconds: number): Promise<void> {
  await db().delete(rateLimits).where(lt(rateLimits.windowStart, sql`now() - make_interval(secs => ${seconds})`));
}
