import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "../client";

// Playback quality (QoE) from playback_events, over whole UTC days: only the range's monthly partitions are read, and
// only the event types that carry a measure. Rebuffer ratio is stalled time over stalled plus played time.

export type QualityRow = {
  starts: number;
  startup_p50_ms: number | null;
  startup_p95_ms: number | null;
  rebuffer_ratio: number | null;
  avg_bitrate: number | null;
  played_hours: number;
  errors: number;
};

const measures = sql`
  (count(*) filter (where type = 'startup'))::int as starts,
  round(percentile_cont(0.5) within group (order by duration_ms) filter (where type = 'startup'))::int as startup_p50_ms,
  round(percentile_cont(0.95) within group (order by duration_ms) filter (where type = 'startup'))::int as startup_p95_ms,
  round(coalesce(sum(duration_ms) filter (where type = 'rebuffer_end'), 0)::numeric
    / nullif(coalesce(sum(duration_ms) filter (where type in ('rebuffer_end', 'heartbeat')), 0), 0), 4)::float8 as rebuffer_ratio,
  round(sum(bitrate::numeric * duration_ms) filter (where type = 'heartbeat' and bitrate is not null)
    / nullif(sum(duration_ms) filter (where type = 'heartbeat' and bitrate is not null), 0))::int as avg_bitrate,
  round(coalesce(sum(duration_ms) filter (where type = 'heartbeat'), 0) / 3600000.0, 2)::float8 as played_hours,
  (count(*) filter (where type = 'error'))::int as errors`;

/** The first instant of the range: midnight UTC, `days - 1` days ago. */
const since = (days: number) => sql`(((now() at time zone 'UTC')::date - ${days - 1}::int)::timestamp at time zone 'UTC')`;

const inRange = (days: number) => sql`
  occurred_at >= ${since(days)}
  and type in ('startup', 'rebuffer_end', 'heartbeat', 'error')`;

/** Every day of the range, with its measures (days without playback have nulls and zeros). */
export function qualityPerDay(days: number): Promise<(QualityRow & { day: string })[]> {
  return queryRows(sql`
    with measured as (
      select (occurred_at at time zone 'UTC')::date as day, ${measures}
      from playback_events where ${inRange(days)} group by 1
    )
    select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(m.starts, 0) as starts, m.startup_p50_ms, m.startup_p95_ms,
           m.rebuffer_ratio, m.avg_bitrate, coalesce(m.played_hours, 0) as played_hours, coalesce(m.errors, 0) as errors
    from generate_series((now() at time zone 'UTC')::date - ${days - 1}::int, (now() at time zone 'UTC')::date, interval '1 day') as d(day)
    left join measured m on m.day = d.day::date
    order by d.day`);
}

/** The range's measures per rendition (the one on screen when the event happened). */
export function qualityPerRendition(days: number): Promise<(QualityRow & { rendition: string })[]> {
  return queryRows(sql`
    select coalesce(rendition, 'unknown') as rendition, ${measures}
    from playback_events where ${inRange(days)}
    group by 1 order by played_hours desc, rendition`);
}

/** Errors per day, rendition and code. */
export function errorsPerDay(days: number): Promise<{ day: string; rendition: string; code: string; count: number }[]> {
  return queryRows(sql`
    select to_char((occurred_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, coalesce(rendition, 'unknown') as rendition,
           error_code as code, count(*)::int as count
    from playback_events
    where occurred_at >= ${since(days)} and type = 'error'
    group by 1, 2, 3 order by 1, 4 desc, 2, 3`);
}
