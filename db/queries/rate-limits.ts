import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { db, queryRows } from "../client";
import { rateLimits } from "../schema";

export type Counter = { count: number; windowStart: Date };

const windowExpired = (seconds: number) => sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${seconds})`;

/** One more hit in the key's current fixed window (a new window when the old one is over); with `below`, only then. */
async function addHit(key: string, windowSeconds: number, below?: number): Promise<Counter | undefined> {
  const [row] = await db()
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${windowExpired(windowSeconds)} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${windowExpired(windowSeconds)} then now() else ${rateLimits.windowStart} end`,
      },
      setWhere: below === undefined ? undefined : sql`${windowExpired(windowSeconds)} or ${rateLimits.count} < ${below}`,
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  return row;
}

/** Counts one hit in the key's current fixed window (starting a new window when the old one is over). */
export async function incrementCounter(key: string, windowSeconds: number): Promise<Counter> {
  return (await addHit(key, windowSeconds))!;
}

/**
 * Takes one of the `max` hits the key's current window allows, in one statement: concurrent callers each see the
 * count their own hit made, so no more than `max` ever get through. Undefined when the window's hits are used up.
 */
export const takeHit = (key: string, max: number, windowSeconds: number) => addHit(key, windowSeconds, max);

/** Gives back a hit taken with `takeHit` in the key's current window (none when that window is over). */
export async function returnHit(key: string, windowSeconds: number): Promise<void> {
  await db()
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.count, 0), gt(rateLimits.windowStart, sql`now() - make_interval(secs => ${windowSeconds})`)));
}

/** A counter after a flush, with times in epoch milliseconds by the database's clock. */
export type CounterSnapshot = { key: string; count: number; windowStartMs: number; nowMs: number };

/**
 * Adds each key's hits to its current fixed window in one statement (starting a new window where the old one is
 * over) and returns the counts with the database's clock. Keys are taken in sorted order, so two instances flushing
 * overlapping keys lock their rows in the same order and cannot deadlock.
 */
export async function addHits(hits: { key: string; hits: number }[], windowSeconds: number): Promise<CounterSnapshot[]> {
  const sorted = [...hits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const expired = sql`rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})`;
  return queryRows<CounterSnapshot>(sql`
    insert into rate_limits (key, window_start, count)
    select h.key, now(), h.hits from json_to_recordset(${JSON.stringify(sorted)}::json) as h(key text, hits int)
    on conflict (key) do update set
      count = case when ${expired} then excluded.count else rate_limits.count + excluded.count end,
      window_start = case when ${expired} then now() else rate_limits.window_start end
    returning key, count, (extract(epoch from window_start) * 1000)::float8 as "windowStartMs",
      (extract(epoch from now()) * 1000)::float8 as "nowMs"`);
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
