import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Profile } from "@/db/schema";

// What a profile may see (the rule is explained in rules.ts): published, and rated at or below the profile's level.
// One condition for every query that lists, finds or writes against titles, and the same test for rows in hand.

/** Whom a catalog read is for: a profile (its maturity level applies), or nobody in particular. */
export type Audience = Pick<Profile, "maturityLevel"> | undefined;

/**
 * Whether the title row `table` (an alias such as `t`, or `"titles"` in builder queries) may be shown to `audience`,
 * as an SQL condition.
 */
export function visibleTo(audience: Audience, table = "t"): SQL {
  const t = sql.raw(table);
  return audience === undefined
    ? sql`${t}.published`
    : sql`(${t}.published and ${t}.maturity_level <= ${audience.maturityLevel})`;
}

/** The same condition as text, for fixed prepared statements: `level` is the statement parameter (e.g. `$2::int`) holding the profile's level. */
export const visibleToText = (table: string, level: string) => `(${table}.published and ${table}.maturity_level <= ${level})`;

/** Whether a published title's rating lets `audience` see it. */
export const ratingAllows = (audience: Audience, title: { maturityLevel: number }) =>
  audience === undefined || title.maturityLevel <= audience.maturityLevel;
