import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Channel, Profile } from "@/db/schema";
import { maturityLevel, type MaturityRating } from "@/lib/catalog/maturity";

// What a profile may see (the rule is explained in rules.ts): published, rated at or below the profile's level, and
// in none of the genres its kids controls block. One condition for every query that lists, finds or writes against
// titles, and the same test for rows in hand.

/** Whom a catalog read is for: a profile (its maturity level and blocked genres apply), or nobody in particular. */
export type Audience = (Pick<Profile, "maturityLevel"> & Partial<Pick<Profile, "blockedGenres">>) | undefined;

/** The title `t` has none of the blocked genres (nothing to add when none are blocked). */
function notBlocked(t: SQL, blocked: readonly string[] | undefined): SQL {
  if (!blocked?.length) return sql``;
  const slugs = sql.join(blocked.map((slug) => sql`${slug}`), sql`, `);
  return sql` and not exists (select 1 from title_genres bg join genres bgg on bgg.id = bg.genre_id where bg.title_id = ${t}.id and bgg.slug in (${slugs}))`;
}

/**
 * Whether the title row `table` (an alias such as `t`, or `"titles"` in builder queries) may be shown to `audience`,
 * as an SQL condition.
 */
export function visibleTo(audience: Audience, table = "t"): SQL {
  const t = sql.raw(table);
  return audience === undefined
    ? sql`${t}.published`
    : sql`(${t}.published and ${t}.maturity_level <= ${audience.maturityLevel}${notBlocked(t, audience.blockedGenres)})`;
}

/**
 * The same condition as text, for fixed prepared statements: `level` is the statement parameter (e.g. `$2::int`)
 * holding the profile's level, `profileId` the one holding its id (its blocked genres are read from its row).
 */
export const visibleToText = (table: string, level: string, profileId: string) =>
  `(${table}.published and ${table}.maturity_level <= ${level} and not exists (select 1 from profiles bp ` +
  `join genres bgg on bgg.slug = any(bp.blocked_genres) join title_genres bg on bg.genre_id = bgg.id ` +
  `where bp.id = ${profileId} and bg.title_id = ${table}.id))`;

/** Whether a published title's rating lets `audience` see it (blocked genres: `genresAllow`, kids-controls.ts). */
export const ratingAllows = (audience: Audience, title: { maturityLevel: number }) =>
  audience === undefined || title.maturityLevel <= audience.maturityLevel;

/** A live channel nobody rated counts as the highest rating: nothing unrated reaches a kids profile. */
export const UNRATED_LIVE_RATING = "NC-17" as const satisfies MaturityRating;
const UNRATED_LIVE_LEVEL = maturityLevel(UNRATED_LIVE_RATING);

export type ChannelRating = { maturityRating: string; maturityLevel: number };

/**
 * The rating a channel is judged by on its own, its titles aside: the one an admin gave it, else for a live channel
 * the highest; null for an unrated linear channel (its titles decide).
 */
export function channelRating(channel: Pick<Channel, "kind" | "maturityRating" | "maturityLevel">): ChannelRating | null {
  if (channel.maturityRating !== null && channel.maturityLevel !== null) return { maturityRating: channel.maturityRating, maturityLevel: channel.maturityLevel };
  return channel.kind === "live" ? { maturityRating: UNRATED_LIVE_RATING, maturityLevel: UNRATED_LIVE_LEVEL } : null;
}

/**
 * Whether the channel row `table` may be shown to `audience`: its own rating (`channelRating`) allows it, and every
 * title on its schedule is visible to it (rules.ts). Anonymous reads see every channel.
 */
export function channelVisibleTo(audience: Audience, table = "channels"): SQL {
  if (audience === undefined) return sql`true`;
  const c = sql.raw(table);
  const level = sql`coalesce(${c}.maturity_level, case when ${c}.kind = 'live' then ${sql.raw(String(UNRATED_LIVE_LEVEL))} else 0 end)`;
  return sql`(${level} <= ${audience.maturityLevel} and not exists (select 1 from channel_items vci join titles vt on vt.id = vci.title_id where vci.channel_id = ${c}.id and not ${visibleTo(audience, "vt")}))`;
}
