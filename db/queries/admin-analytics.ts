import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows, rowsOf } from "../client";

// Viewing analytics. Views are stream starts (the streams log, one row per playback lease); watch time and
// completions come from progress. watch_progress keeps one row per (profile, item) with the latest position; foldViewing turns
// what changed since the last fold into per-day viewing (viewing_days) and per-hour viewing (viewing_hours), comparing each row with the position the
// previous fold saw (viewing_positions). It reads the progress table and never writes it: the player's progress
// path does no extra work.

const FOLD_LOCK_ID = 727_004;

/**
 * Folds progress written since the last fold into viewing_days and viewing_hours (every profile's, or one profile's
 * before its own report); returns the number of (profile, item) rows folded.
 */
export async function foldViewing(profileId?: string): Promise<number> {
  return db().transaction(async (tx) => {
    // One fold at a time across every instance: a second would count the same progress twice.
    // Background work, not a request: waiting for another instance's fold, or folding after a long outage, may
    // outlast DATABASE_STATEMENT_TIMEOUT_MS.
    if (profileId) {
      // A viewer's report does not wait for a fold of everyone's: while one runs, it reads what that fold leaves.
      const [lock] = await rowsOf<{ got: boolean }>(tx.execute(sql`select pg_try_advisory_xact_lock(${FOLD_LOCK_ID}) as got`));
      if (!lock.got) return 0;
    } else {
      await tx.execute(sql`set local statement_timeout = '5min'`);
      await tx.execute(sql`select pg_advisory_xact_lock(${FOLD_LOCK_ID})`);
    }
    const result = await tx.execute<{ folded: number }>(sql`
      with changed as (
        select p.profile_id, p.item_id, p.kind, p.title_id, pr.account_id, p.position_seconds, p.watched, p.updated_at,
               vp.watched as seen_watched,
               -- Forward movement only, and no more than the wall-clock time since the last sighting (plus the
               -- player's first reporting interval): a seek past half the film is not an hour of watching.
               least(
                 greatest(p.position_seconds - coalesce(vp.position_seconds, 0), 0),
                 extract(epoch from (p.updated_at - coalesce(vp.seen_updated_at, p.created_at))) + 60
               ) as seconds
        from watch_progress p
        join profiles pr on pr.id = p.profile_id
        left join viewing_positions vp on vp.profile_id = p.profile_id and vp.item_id = p.item_id
        where (vp.profile_id is null or p.updated_at > vp.seen_updated_at)
          ${profileId ? sql`and p.profile_id = ${profileId}` : sql``}
      ), days as (
        insert into viewing_days (day, profile_id, item_id, kind, title_id, account_id, seconds_watched, completed)
        select (updated_at at time zone 'UTC')::date, profile_id, item_id, kind, title_id, account_id, seconds,
               watched and not coalesce(seen_watched, false)
        from changed
        on conflict (day, profile_id, item_id) do update
          set seconds_watched = viewing_days.seconds_watched + excluded.seconds_watched,
              completed = viewing_days.completed or excluded.completed
        returning 1
      ), hours as (
        -- The hour of the write gets what moved since the last sighting (folds run every few minutes).
        insert into viewing_hours (profile_id, hour, title_id, account_id, seconds_watched)
        select profile_id, date_trunc('hour', updated_at at time zone 'UTC') at time zone 'UTC', title_id, account_id, sum(seconds)
        from changed where seconds > 0
        group by 1, 2, 3, 4
        on conflict (profile_id, hour, title_id) do update
          set seconds_watched = viewing_hours.seconds_watched + excluded.seconds_watched
        returning 1
      ), seen as (
        insert into viewing_positions (profile_id, item_id, position_seconds, watched, seen_updated_at)
        select profile_id, item_id, position_seconds, watched, updated_at from changed
        on conflict (profile_id, item_id) do update
          set position_seconds = excluded.position_seconds, watched = excluded.watched, seen_updated_at = excluded.seen_updated_at
        returning 1
      )
      select (select count(*) from seen)::int as folded, (select count(*) from days)::int as days, (select count(*) from hours)::int as hours`);
    const [row] = await rowsOf<{ folded: number }>(Promise.resolve(result));
    return row?.folded ?? 0;
  });
}

export type DailyViewing = { day: string; views: number; hours: number; completions: number };

/**
 * Stream starts as views: a profile starting an item on a day, however many times it (re)started it that day (a
 * reload or the player's recovery opens a new stream). From the streams log, so a title opened and abandoned before
 * any progress still counts.
 */
const views = (days: number) => sql`
  select (started_at at time zone 'UTC')::date as day, title_id, count(distinct (profile_id, item_id))::int as views
  from streams
  where started_at >= (now() at time zone 'UTC')::date - ${days - 1}::int and title_id is not null
  group by 1, 2`;

/** Views (stream starts), watch hours (from progress) and completions per day, every day of the range. */
export async function viewingPerDay(days: number): Promise<DailyViewing[]> {
  return queryRows<DailyViewing>(
    sql`
      with started as (${views(days)}),
           watched as (
             select day, sum(seconds_watched) as seconds, (count(*) filter (where completed))::int as completions
             from viewing_days where day >= (now() at time zone 'UTC')::date - ${days - 1}::int
             group by day
           )
      select to_char(d.day, 'YYYY-MM-DD') as day,
             coalesce((select sum(views) from started s where s.day = d.day::date), 0)::int as views,
             coalesce(round((w.seconds / 3600)::numeric, 2), 0)::float8 as hours,
             coalesce(w.completions, 0)::int as completions
      from generate_series((now() at time zone 'UTC')::date - ${days - 1}::int, (now() at time zone 'UTC')::date, interval '1 day') as d(day)
      left join watched w on w.day = d.day::date
      order by d.day`,
  );
}

export type TopTitle = { title_id: string; title: string; kind: "movie" | "show"; views: number; viewers: number; hours: number };

/** Titles by watch hours, with their views (stream starts) and distinct viewing profiles. */
export async function topTitles(days: number, limit: number): Promise<TopTitle[]> {
  return queryRows<TopTitle>(
    sql`
      with started as (select title_id, sum(views)::int as views from (${views(days)}) v group by title_id),
           watched as (
             select title_id, count(distinct profile_id)::int as viewers, sum(seconds_watched) as seconds
             from viewing_days where day >= (now() at time zone 'UTC')::date - ${days - 1}::int
             group by title_id
           )
      select t.id as title_id, t.title, t.kind, coalesce(s.views, 0)::int as views, coalesce(w.viewers, 0)::int as viewers,
             coalesce(round((w.seconds / 3600)::numeric, 2), 0)::float8 as hours
      from started s full join watched w on w.title_id = s.title_id
      join titles t on t.id = coalesce(s.title_id, w.title_id)
      order by hours desc, views desc, t.title
      limit ${limit}`,
  );
}

/** Of the (profile, item) pairs watched in the range, how many were finished in it. */
export async function completion(days: number): Promise<{ started: number; completed: number }> {
  const [row] = await queryRows<{ started: number; completed: number }>(
    sql`
      select count(*)::int as started, (count(*) filter (where done))::int as completed
      from (
        select profile_id, item_id, bool_or(completed) as done
        from viewing_days where day > (now() at time zone 'UTC')::date - ${days}::int
        group by profile_id, item_id
      ) pairs`,
  );
  return row;
}

/** Accounts by the plan they pay for now; "none" for accounts without a live subscription. */
export async function planMix(): Promise<Array<{ plan: string; accounts: number }>> {
  return queryRows<{ plan: string; accounts: number }>(
    sql`
      select coalesce(case when s.status in ('active', 'trialing', 'past_due') then s.plan::text end, 'none') as plan,
             count(*)::int as accounts
      from accounts a left join subscriptions s on s.account_id = a.id
      where a.disabled_at is null
      group by 1
      order by 1`,
  );
}

export type DailySales = { day: string; rentals: number; purchases: number; rental_cents: number; purchase_cents: number };

// Rentals and purchases by the day they were paid (UTC); a refunded sale counts for nothing.
const sales = (days: number) => sql`
  select (purchased_at at time zone 'UTC')::date as day, title_id, kind, price_cents
  from purchases
  where purchased_at >= (now() at time zone 'UTC')::date - ${days - 1}::int and status <> 'refunded'`;

/** Rental and purchase revenue per day, every day of the range. */
export async function salesPerDay(days: number): Promise<DailySales[]> {
  return queryRows<DailySales>(
    sql`
      with sold as (${sales(days)})
      select to_char(d.day, 'YYYY-MM-DD') as day,
             (count(s.*) filter (where s.kind = 'rent'))::int as rentals,
             (count(s.*) filter (where s.kind = 'buy'))::int as purchases,
             coalesce(sum(s.price_cents) filter (where s.kind = 'rent'), 0)::int as rental_cents,
             coalesce(sum(s.price_cents) filter (where s.kind = 'buy'), 0)::int as purchase_cents
      from generate_series((now() at time zone 'UTC')::date - ${days - 1}::int, (now() at time zone 'UTC')::date, interval '1 day') as d(day)
      left join sold s on s.day = d.day::date
      group by d.day
      order by d.day`,
  );
}

export type TopEarner = { title_id: string; title: string; kind: "movie" | "show"; revenue_cents: number; rentals: number; purchases: number };

/** Titles by rental and purchase revenue in the range. */
export async function topEarningTitles(days: number, limit: number): Promise<TopEarner[]> {
  return queryRows<TopEarner>(
    sql`
      with sold as (${sales(days)})
      select t.id as title_id, t.title, t.kind, sum(s.price_cents)::int as revenue_cents,
             (count(*) filter (where s.kind = 'rent'))::int as rentals, (count(*) filter (where s.kind = 'buy'))::int as purchases
      from sold s join titles t on t.id = s.title_id
      group by t.id
      order by revenue_cents desc, t.title
      limit ${limit}`,
  );
}

export type TitleViewing = { day: string; views: number; viewers: number; hours: number; completions: number };

/** One title's views (stream starts), distinct viewing profiles, watch hours and completions per day, every day of the range. */
export async function titleViewingPerDay(titleId: string, days: number): Promise<TitleViewing[]> {
  return queryRows<TitleViewing>(sql`
    with started as (
      select (started_at at time zone 'UTC')::date as day, count(distinct (profile_id, item_id))::int as views
      from streams where title_id = ${titleId} and started_at >= (now() at time zone 'UTC')::date - ${days - 1}::int
      group by 1
    ), watched as (
      select day, count(distinct profile_id)::int as viewers, sum(seconds_watched) as seconds,
             (count(*) filter (where completed))::int as completions
      from viewing_days where title_id = ${titleId} and day >= (now() at time zone 'UTC')::date - ${days - 1}::int
      group by day
    )
    select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(s.views, 0)::int as views, coalesce(w.viewers, 0)::int as viewers,
           coalesce(round((w.seconds / 3600)::numeric, 2), 0)::float8 as hours, coalesce(w.completions, 0)::int as completions
    from generate_series((now() at time zone 'UTC')::date - ${days - 1}::int, (now() at time zone 'UTC')::date, interval '1 day') as d(day)
    left join started s on s.day = d.day::date
    left join watched w on w.day = d.day::date
    order by d.day`);
}

/** Over the range: distinct viewing profiles (streamed or watched), and (profile, item) pairs watched and finished. */
export async function titleAudience(titleId: string, days: number): Promise<{ viewers: number; started: number; completed: number }> {
  const [row] = await queryRows<{ viewers: number; started: number; completed: number }>(sql`
    with profiles_seen as (
      select profile_id from streams where title_id = ${titleId} and started_at >= (now() at time zone 'UTC')::date - ${days - 1}::int
      union
      select profile_id from viewing_days where title_id = ${titleId} and day >= (now() at time zone 'UTC')::date - ${days - 1}::int
    ), pairs as (
      select profile_id, item_id, bool_or(completed) as done
      from viewing_days where title_id = ${titleId} and day >= (now() at time zone 'UTC')::date - ${days - 1}::int
      group by profile_id, item_id
    )
    select (select count(*)::int from profiles_seen) as viewers, (select count(*)::int from pairs) as started,
           (select count(*)::int from pairs where done) as completed`);
  return row;
}

/** Thumbs given (all time) and watchlist additions in the range and in total. */
export async function titleReception(titleId: string, days: number): Promise<{ up: number; down: number; watchlist_adds: number; on_watchlists: number }> {
  const [row] = await queryRows<{ up: number; down: number; watchlist_adds: number; on_watchlists: number }>(sql`
    select (select count(*)::int from ratings where title_id = ${titleId} and rating = 'up') as up,
           (select count(*)::int from ratings where title_id = ${titleId} and rating = 'down') as down,
           (select count(*)::int from watchlist where title_id = ${titleId} and added_at >= (now() at time zone 'UTC')::date - ${days - 1}::int) as watchlist_adds,
           (select count(*)::int from watchlist where title_id = ${titleId}) as on_watchlists`);
  return row;
}

/** Stream starts in the range by the user agent that made them and by the plan the account has now. */
export async function titleStreamsBy(titleId: string, days: number): Promise<{ user_agent: string | null; plan: string; streams: number }[]> {
  return queryRows(sql`
    select st.user_agent, coalesce(case when s.status in ('active', 'trialing', 'past_due') then s.plan::text end, 'none') as plan,
           count(*)::int as streams
    from streams st left join subscriptions s on s.account_id = st.account_id
    where st.title_id = ${titleId} and st.started_at >= (now() at time zone 'UTC')::date - ${days - 1}::int
    group by 1, 2`);
}

/** Cancellations in the range: how many gave each reason (null: none given), and the latest written feedback. */
export async function cancellationReasons(days: number, latest: number) {
  const since = sql`((now() at time zone 'UTC')::date - ${days - 1}::int)::timestamp at time zone 'UTC'`;
  const [byReason, feedback] = await Promise.all([
    queryRows<{ reason: string | null; cancellations: number }>(sql`
      select reason, count(*)::int as cancellations from subscription_cancellations where created_at >= ${since}
      group by reason order by 2 desc, 1 nulls last`),
    queryRows<{ reason: string | null; feedback: string; plan: string; at_period_end: boolean; created_at: Date }>(sql`
      select reason, feedback, plan, at_period_end, created_at from subscription_cancellations
      where created_at >= ${since} and feedback is not null and feedback <> ''
      order by created_at desc limit ${latest}`),
  ]);
  return { byReason, feedback };
}
