import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows, rowsOf } from "../client";

// Playback quality (QoE) over whole UTC days. `foldPlaybackQuality` adds the events received since the last fold to
// per-day, per-rendition tables (db/schema/playback-quality.ts); the report reads those, plus the few events received
// since (straight from playback_events, found by arrival through a BRIN index), so it is exact and current while
// reading a few thousand rows whatever the event count. Rebuffer ratio is stalled time over stalled plus played time;
// startup percentiles are percentile_cont over startup times rounded to 10 ms.

export type QualityRow = {
  starts: number;
  startup_p50_ms: number | null;
  startup_p95_ms: number | null;
  rebuffer_ratio: number | null;
  avg_bitrate: number | null;
  played_hours: number;
  errors: number;
};

const FOLD_LOCK_ID = 727_012;

const MEASURED_TYPES = sql`type in ('startup', 'rebuffer_end', 'heartbeat', 'error')`;

/**
 * The measures of events `where`, per UTC day and rendition, in the rollup's columns. `offset 0` keeps the type tests
 * (these and the caller's) out of the scan: the events are found by arrival alone (BRIN). Given the types, the planner
 * ANDs in the (type, occurred_at) index, which matches most of the month: 300 ms of a report at 10 million events.
 */
const eventRows = (where: SQL) => sql`
  select (occurred_at at time zone 'UTC')::date as day, coalesce(rendition, 'unknown') as rendition, type,
         duration_ms, bitrate, coalesce(error_code, '') as code
  from (select * from playback_events where ${where} offset 0) e where ${MEASURED_TYPES}`;

const dayMeasures = sql`
  (count(*) filter (where type = 'startup'))::int as starts,
  coalesce(sum(duration_ms) filter (where type = 'rebuffer_end'), 0)::bigint as rebuffer_ms,
  coalesce(sum(duration_ms) filter (where type = 'heartbeat'), 0)::bigint as played_ms,
  coalesce(sum(bitrate::float8 * duration_ms) filter (where type = 'heartbeat' and bitrate is not null), 0)::float8 as bitrate_ms,
  coalesce(sum(duration_ms) filter (where type = 'heartbeat' and bitrate is not null), 0)::bigint as bitrate_weight_ms,
  (count(*) filter (where type = 'error'))::int as errors`;

const startupValue = sql`(round(duration_ms / 10.0) * 10)::int`;

/**
 * Folds the events received since the last fold into the rollup, up to `settleSeconds` ago: an ingest statement that
 * began before that cut-off has committed by then, so no event lands behind the watermark. One fold at a time across
 * instances (another one running: nothing to do). Returns the number of events folded.
 */
export async function foldPlaybackQuality(settleSeconds: number): Promise<number> {
  return db().transaction(async (tx) => {
    const [lock] = await rowsOf<{ got: boolean }>(tx.execute(sql`select pg_try_advisory_xact_lock(${FOLD_LOCK_ID}) as got`));
    if (!lock?.got) return 0;
    // Background work: the first fold after an upgrade reads every stored event.
    await tx.execute(sql`set local statement_timeout = '10min'`);
    const [row] = await rowsOf<{ folded: number }>(
      tx.execute(sql`
        with mark as (select folded_until as since, now() - make_interval(secs => ${settleSeconds}) as until from playback_quality_fold where id = 1),
        ev as (${eventRows(sql`received_at >= (select since from mark) and received_at < (select until from mark)`)}),
        days as (
          insert into playback_quality_days as q (day, rendition, starts, rebuffer_ms, played_ms, bitrate_ms, bitrate_weight_ms, errors)
          select day, rendition, ${dayMeasures} from ev group by 1, 2
          on conflict (day, rendition) do update set
            starts = q.starts + excluded.starts, rebuffer_ms = q.rebuffer_ms + excluded.rebuffer_ms,
            played_ms = q.played_ms + excluded.played_ms, bitrate_ms = q.bitrate_ms + excluded.bitrate_ms,
            bitrate_weight_ms = q.bitrate_weight_ms + excluded.bitrate_weight_ms, errors = q.errors + excluded.errors
          returning 1),
        startups as (
          insert into playback_startup_times as s (day, rendition, duration_ms, count)
          select day, rendition, ${startupValue}, count(*) from ev where type = 'startup' and duration_ms is not null group by 1, 2, 3
          on conflict (day, rendition, duration_ms) do update set count = s.count + excluded.count
          returning 1),
        errors as (
          insert into playback_error_counts as e (day, rendition, code, count)
          select day, rendition, code, count(*) from ev where type = 'error' group by 1, 2, 3
          on conflict (day, rendition, code) do update set count = e.count + excluded.count
          returning 1),
        -- With nothing to fold the mark stays (an idle server writes nothing): the next fold reads from it again.
        moved as (update playback_quality_fold set folded_until = (select until from mark) where id = 1 and exists (select 1 from ev) returning 1)
        select (select count(*) from ev)::int as folded, (select count(*) from days) + (select count(*) from startups)
          + (select count(*) from errors) + (select count(*) from moved) as written`),
    );
    return row?.folded ?? 0;
  });
}

/** The first day of the range: `days - 1` days before today (UTC). */
const firstDay = (days: number) => sql`((now() at time zone 'UTC')::date - ${days - 1}::int)`;

/** Where the last fold stopped: the report reads events received since then straight from playback_events. */
export async function foldedUntil(): Promise<Date> {
  const [row] = await queryRows<{ until: string }>(sql`select folded_until::text as until from playback_quality_fold where id = 1`);
  return new Date(row?.until === "-infinity" || !row ? 0 : row.until);
}

/**
 * Events received since the fold's mark, within the range. The mark read beforehand (`since`) lets the planner see how
 * few rows follow it (BRIN); the mark read in the statement keeps a fold that commits meanwhile from counting twice.
 */
const unfolded = (days: number, since: Date) =>
  eventRows(sql`received_at >= ${since.toISOString()}::timestamptz
    and received_at >= (select folded_until from playback_quality_fold where id = 1)
    and occurred_at >= (${firstDay(days)}::timestamp at time zone 'UTC')`);

/** The range's day rows: folded, and the unfolded rest measured the same way. */
const dayRows = (days: number, since: Date) => sql`
  select day, rendition, starts, rebuffer_ms, played_ms, bitrate_ms, bitrate_weight_ms, errors
  from playback_quality_days where day >= ${firstDay(days)}
  union all
  select day, rendition, ${dayMeasures} from (${unfolded(days, since)}) u group by 1, 2`;

const startupRows = (days: number, since: Date) => sql`
  select day, rendition, duration_ms, count from playback_startup_times where day >= ${firstDay(days)}
  union all
  select day, rendition, ${startupValue}, count(*) from (${unfolded(days, since)}) u where type = 'startup' and duration_ms is not null group by 1, 2, 3`;

/**
 * p50 and p95 of the startup times per `key` (day or rendition), as percentile_cont computes them: from the counts per
 * value, the values at the two ranks around p × (n − 1), interpolated.
 */
const startupPercentiles = (days: number, since: Date, key: SQL) => sql`
  with t as (select ${key} as k, duration_ms as v, sum(count)::float8 as c from (${startupRows(days, since)}) r group by 1, 2),
  cum as (select k, v, c, sum(c) over (partition by k order by v) as upto, sum(c) over (partition by k) as n from t),
  -- the value at 0-based rank i is the one whose counts cover it: upto - c <= i < upto
  at_rank as (
    select k, n,
      max(v) filter (where upto - c <= floor(0.5 * (n - 1)) and floor(0.5 * (n - 1)) < upto) as lo50,
      max(v) filter (where upto - c <= ceil(0.5 * (n - 1)) and ceil(0.5 * (n - 1)) < upto) as hi50,
      max(v) filter (where upto - c <= floor(0.95 * (n - 1)) and floor(0.95 * (n - 1)) < upto) as lo95,
      max(v) filter (where upto - c <= ceil(0.95 * (n - 1)) and ceil(0.95 * (n - 1)) < upto) as hi95
    from cum group by k, n)
  select k,
    round(lo50 + (0.5 * (n - 1) - floor(0.5 * (n - 1))) * (hi50 - lo50))::int as p50,
    round(lo95 + (0.95 * (n - 1) - floor(0.95 * (n - 1))) * (hi95 - lo95))::int as p95
  from at_rank`;

const summed = sql`
  sum(starts)::int as starts,
  round(sum(rebuffer_ms)::numeric / nullif(sum(rebuffer_ms) + sum(played_ms), 0), 4)::float8 as rebuffer_ratio,
  round(sum(bitrate_ms) / nullif(sum(bitrate_weight_ms), 0))::int as avg_bitrate,
  round(sum(played_ms) / 3600000.0, 2)::float8 as played_hours,
  sum(errors)::int as errors`;

/** Every day of the range, with its measures (days without playback have nulls and zeros). */
export function qualityPerDay(days: number, since: Date): Promise<(QualityRow & { day: string })[]> {
  return queryRows(sql`
    with measured as (select day, ${summed} from (${dayRows(days, since)}) r group by day),
    startup as (${startupPercentiles(days, since, sql`day`)})
    select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(m.starts, 0) as starts, s.p50 as startup_p50_ms, s.p95 as startup_p95_ms,
           m.rebuffer_ratio, m.avg_bitrate, coalesce(m.played_hours, 0) as played_hours, coalesce(m.errors, 0) as errors
    from generate_series(${firstDay(days)}, (now() at time zone 'UTC')::date, interval '1 day') as d(day)
    left join measured m on m.day = d.day::date
    left join startup s on s.k = d.day::date
    order by d.day`);
}

/** The range's measures per rendition (the one on screen when the event happened). */
export function qualityPerRendition(days: number, since: Date): Promise<(QualityRow & { rendition: string })[]> {
  return queryRows(sql`
    with measured as (select rendition, ${summed} from (${dayRows(days, since)}) r group by rendition),
    startup as (${startupPercentiles(days, since, sql`rendition`)})
    select m.rendition, m.starts, s.p50 as startup_p50_ms, s.p95 as startup_p95_ms, m.rebuffer_ratio, m.avg_bitrate,
           m.played_hours, m.errors
    from measured m left join startup s on s.k = m.rendition
    order by m.played_hours desc, m.rendition`);
}

/** Errors per day, rendition and code. */
export function errorsPerDay(days: number, since: Date): Promise<{ day: string; rendition: string; code: string | null; count: number }[]> {
  return queryRows(sql`
    select to_char(day, 'YYYY-MM-DD') as day, rendition, nullif(code, '') as code, sum(count)::int as count
    from (
      select day, rendition, code, count from playback_error_counts where day >= ${firstDay(days)}
      union all
      select day, rendition, code, count(*) from (${unfolded(days, since)}) u where type = 'error' group by 1, 2, 3
    ) r
    group by 1, 2, 3 order by 1, 4 desc, 2, 3`);
}
