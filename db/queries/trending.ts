import "server-only";
import { and, asc, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import {
  ADD_EVENT_TEXT,
  EVENT_COLUMNS_TEXT,
  eventValuesText,
  TIMEFRAMES,
  TRENDING_WINDOWS,
  WATCH_SECONDS_PER_POINT,
  type Timeframe,
} from "@/lib/catalog/trending-scores";
import { db } from "../client";
import { titles, titleTrending } from "../schema";
import { filterConditions, titleColumns, type TitleFilter } from "./catalog";
import { runStatement } from "./prepared";

// Trending: the scores are added to by viewing events (here for stream starts, db/queries/progress.ts for watch time)
// and read by an index walk down one window's score (lib/catalog/trending-scores.ts has the arithmetic).

const scoreColumns = { day: titleTrending.dayScore, week: titleTrending.weekScore, month: titleTrending.monthScore };

/** The upsert adding one stream start of the title `titleExpr` to its scores, as SQL text (`from` narrows it down). */
export const streamStartUpsertText = (titleExpr: string, from = "") => `insert into title_trending as tt (${EVENT_COLUMNS_TEXT})
  select ${titleExpr}, ${eventValuesText("1", "0::float8")} ${from}
  ${ADD_EVENT_TEXT}`;

/** Adds a stream start of `titleId` to its trending scores (a stream start does it within its lease, streams.ts). */
export async function recordStreamStart(titleId: string): Promise<void> {
  await runStatement(streamStartUpsertText("$1::uuid"), [titleId]);
}

/** One page of the titles watched within the window that the filter's audience may see, highest decayed score first. */
export async function listTrending(filter: TitleFilter, timeframe: Timeframe, limit: number, offset: number) {
  const score = scoreColumns[timeframe];
  const where = and(
    filterConditions(filter),
    gt(titleTrending.lastViewedAt, sql`now() - make_interval(hours => ${TRENDING_WINDOWS[timeframe].hours})`),
  );
  // The page is an index walk down the window's score that stops after `offset + limit` visible titles; the list's
  // columns (genres, availability…) only for the page. The total is counted apart (a window count over the ranking
  // would visit every title watched in the window), at the same time.
  const ranked = db()
    .select({ id: titleTrending.titleId, score: sql<number>`${score}`.as("score") })
    .from(titleTrending)
    .innerJoin(titles, eq(titles.id, titleTrending.titleId))
    .where(where)
    .orderBy(desc(score), asc(titleTrending.titleId))
    .limit(limit)
    .offset(offset)
    .as("ranked");
  const pageRows = db()
    .select(titleColumns)
    .from(ranked)
    .innerJoin(titles, eq(titles.id, ranked.id))
    .orderBy(desc(ranked.score), asc(ranked.id));
  const [rows, total] = await Promise.all([pageRows, countTrending(where)]);
  return { rows, total };
}

async function countTrending(where: SQL | undefined): Promise<number> {
  const [row] = await db()
    .select({ count: sql<number>`count(*)::int` })
    .from(titleTrending)
    .innerJoin(titles, eq(titles.id, titleTrending.titleId))
    .where(where);
  return row.count;
}

/**
 * Recomputes every title's scores from the viewing kept elsewhere: stream starts (`streams`), and each progress row's
 * position as seconds watched at its last write. For an install whose scores are missing (the migration that made the
 * table does the same) and for benchmarks that load viewing in bulk.
 */
export async function rebuildTrending(): Promise<void> {
  await db().transaction(async (tx) => {
    // Reads every stream and progress row: longer than a request may take (the migration runs without a limit too).
    await tx.execute(sql`set local statement_timeout = '30min'`);
    await tx.execute(sql`delete from title_trending`);
    await tx.execute(sql.raw(REBUILD_TEXT));
  });
}

// Per title: Σ weight·2^(h / half-life) taken relative to the title's latest hour, so no power overflows.
const windowScore = (timeframe: Timeframe) => {
  const halfLife = TRENDING_WINDOWS[timeframe].halfLifeHours;
  return `(max(h) / ${halfLife} + ln(sum(w * power(2::float8, greatest((h - top) / ${halfLife}, -1000)))) / ln(2::float8))`;
};

export const REBUILD_TEXT = `
  with events as (
    select title_id, started_at as at, 1 as starts, 0::float8 as seconds from streams where title_id is not null
    union all
    select title_id, updated_at, 0, position_seconds::float8 from watch_progress where position_seconds > 0),
  weighted as (
    select e.title_id, e.at, e.starts, e.seconds, extract(epoch from e.at)::float8 / 3600 as h,
      (e.starts + e.seconds / ${WATCH_SECONDS_PER_POINT}.0)::float8 as w,
      max(extract(epoch from e.at)::float8 / 3600) over (partition by e.title_id) as top
    from events e)
  insert into title_trending (${EVENT_COLUMNS_TEXT})
  select title_id, sum(starts)::int, sum(seconds), ${TIMEFRAMES.map(windowScore).join(", ")}, max(at)
  from weighted group by title_id`;
