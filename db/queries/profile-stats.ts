import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Audience } from "@/lib/access/visibility";
import { visibleTo } from "@/lib/access/visibility";
import { queryRows } from "../client";

// One profile's viewing over the last `days` local days in `timeZone`, from the folded rollups (viewing_hours for
// time, viewing_days for completions): a handful of rows per day, never the progress table.

export type StatsRange = { profileId: string; days: number; timeZone: string };

/** The range's first instant: local midnight `days - 1` days before today, in the time zone. */
const rangeStart = ({ days, timeZone }: StatsRange): SQL =>
  sql`(((now() at time zone ${timeZone})::date - ${days - 1}::int)::timestamp at time zone ${timeZone})`;

const hoursInRange = (range: StatsRange): SQL =>
  sql`select hour, title_id, seconds_watched from viewing_hours where profile_id = ${range.profileId} and hour >= ${rangeStart(range)}`;

/** Minutes watched on each local day of the range, oldest first, every day present. */
export function minutesPerDay(range: StatsRange): Promise<{ date: string; minutes: number }[]> {
  return queryRows(sql`
    with watched as (
      select (hour at time zone ${range.timeZone})::date as day, sum(seconds_watched) as seconds
      from (${hoursInRange(range)}) h group by 1
    )
    select to_char(d.day, 'YYYY-MM-DD') as date, coalesce(round((w.seconds / 60)::numeric, 1), 0)::float8 as minutes
    from generate_series((now() at time zone ${range.timeZone})::date - ${range.days - 1}::int, (now() at time zone ${range.timeZone})::date, interval '1 day') as d(day)
    left join watched w on w.day = d.day::date
    order by d.day`);
}

/** Minutes watched by local hour of the day (0–23), all 24 present. */
export function minutesPerHour(range: StatsRange): Promise<{ hour: number; minutes: number }[]> {
  return queryRows(sql`
    with watched as (
      select extract(hour from hour at time zone ${range.timeZone})::int as hour, sum(seconds_watched) as seconds
      from (${hoursInRange(range)}) h group by 1
    )
    select g.hour, coalesce(round((w.seconds / 60)::numeric, 1), 0)::float8 as minutes
    from generate_series(0, 23) as g(hour) left join watched w on w.hour = g.hour
    order by g.hour`);
}

/** Minutes by genre (a title in two genres counts for both), most watched first. */
export function minutesPerGenre(range: StatsRange, limit: number): Promise<{ slug: string; name: string; minutes: number }[]> {
  return queryRows(sql`
    select g.slug, g.name, round((sum(h.seconds_watched) / 60)::numeric, 1)::float8 as minutes
    from (${hoursInRange(range)}) h
    join title_genres tg on tg.title_id = h.title_id
    join genres g on g.id = tg.genre_id
    group by g.slug, g.name
    having sum(h.seconds_watched) > 0
    order by sum(h.seconds_watched) desc, g.name
    limit ${limit}`);
}

export type WatchedTitle = { title_id: string; type: "movie" | "show"; title: string; poster_path: string | null; minutes: number };

/** The titles watched most, among those the profile may still see. */
export function mostWatched(range: StatsRange, audience: Audience, limit: number): Promise<WatchedTitle[]> {
  return queryRows(sql`
    select t.id as title_id, t.kind as type, t.title, t.poster_path, round((sum(h.seconds_watched) / 60)::numeric, 1)::float8 as minutes
    from (${hoursInRange(range)}) h
    join titles t on t.id = h.title_id
    where ${visibleTo(audience)}
    group by t.id
    having sum(h.seconds_watched) > 0
    order by sum(h.seconds_watched) desc, t.title
    limit ${limit}`);
}

/** Totals: minutes, distinct titles, and of the items watched in the range how many were finished. */
export async function totals(range: StatsRange): Promise<{ seconds: number; titles: number; items: number; completed: number }> {
  const [row] = await queryRows<{ seconds: number; titles: number; items: number; completed: number }>(sql`
    with time as (
      select coalesce(sum(seconds_watched), 0)::float8 as seconds, count(distinct title_id)::int as titles
      from (${hoursInRange(range)}) h where seconds_watched > 0
    ), pairs as (
      -- viewing_days' days are UTC: the range starts on the UTC day holding its first instant.
      select item_id, bool_or(completed) as done
      from viewing_days
      where profile_id = ${range.profileId} and day >= (${rangeStart(range)} at time zone 'UTC')::date
      group by item_id
    )
    select time.seconds, time.titles, (select count(*)::int from pairs) as items,
           (select count(*)::int from pairs where done) as completed
    from time`);
  return row;
}
