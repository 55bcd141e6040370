import "server-only";
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { db } from "../client";
import { genres, notificationSettings, streams, titleGenres } from "../schema";

// Kids controls' reads (lib/access/kids-controls.ts): genres by slug, and the time a profile watched in a day.

/** Which of these genre slugs exist. */
export async function existingGenreSlugs(slugs: readonly string[]): Promise<string[]> {
  if (!slugs.length) return [];
  const rows = await db().select({ slug: genres.slug }).from(genres).where(inArray(genres.slug, [...slugs]));
  return rows.map((row) => row.slug);
}

/** Whether the title is in any of the genres with these slugs. */
export async function titleInGenres(titleId: string, slugs: readonly string[]): Promise<boolean> {
  if (!slugs.length) return false;
  const rows = await db()
    .select({ id: titleGenres.genreId })
    .from(titleGenres)
    .innerJoin(genres, eq(genres.id, titleGenres.genreId))
    .where(and(eq(titleGenres.titleId, titleId), inArray(genres.slug, [...slugs])))
    .limit(1);
  return rows.length > 0;
}

/**
 * Seconds the profile's streams were alive between `from` and `to`: each stream counts from its start to its last
 * heartbeat (a progress write renews it), clipped to the window.
 */
export async function viewingSeconds(profileId: string, from: Date, to: Date): Promise<number> {
  const start = sql`greatest(${streams.startedAt}, ${from.toISOString()}::timestamptz)`;
  const end = sql`least(${streams.lastSeenAt}, coalesce(${streams.endedAt}, ${streams.lastSeenAt}), ${to.toISOString()}::timestamptz)`;
  const [row] = await db()
    .select({ seconds: sql<number>`coalesce(sum(greatest(0, extract(epoch from ${end} - ${start}))), 0)::float8` })
    .from(streams)
    .where(and(eq(streams.profileId, profileId), gt(streams.lastSeenAt, from), lt(streams.startedAt, to)));
  return Number(row?.seconds ?? 0);
}

/** The account's own time zone (set with its notification settings), if it has one. */
export async function accountTimeZone(accountId: string): Promise<string | undefined> {
  const [row] = await db()
    .select({ timeZone: notificationSettings.timeZone })
    .from(notificationSettings)
    .where(eq(notificationSettings.accountId, accountId));
  return row?.timeZone;
}
