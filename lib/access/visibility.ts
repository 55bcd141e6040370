import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Profile } from "@/db/schema";

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

/**
 * Whether the channel row `table` may be shown to `audience`: every title on its schedule is visible to it (rules.ts).
 * Anonymous reads see every channel.
 */
export function channelVisibleTo(audience: Audience, table = "channels"): SQL {
  if (audience === undefined) return sql`true`;
  return sql`not exists (select 1 from channel_items vci join titles vt on vt.id = vci.title_id where vci.channel_id = ${sql.raw(table)}.id and not ${visibleTo(audience, "vt")})`;
}
