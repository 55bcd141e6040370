import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "../client";
import { visibleTo } from "@/lib/access/visibility";
import { titleFields, type ProfileScope, type TitleFields } from "./lists";

// "Because you watched …", in one statement. Each signal of the profile is a seed with a weight: a finished title 1,
// a started one 0.5, thumbs up +2, thumbs down -2 (so a watched-then-disliked title pushes away). A candidate earns,
// from each seed, its shared genres (1 each), shared people (1.5 each: cast, directors, creators) and co-watching
// (2·ln(1 + n) for n other profiles that watched both), times the seed's weight. Titles the profile rated (up or down),
// finished or started are never recommended (what it started is on its continue watching row already); popular titles
// (most watched this month, lib/catalog/trending-scores.ts) fill the list after the personal ones (and make the cold start).

// Bounds keep the statement's work independent of history length and of a hit title's audience.
const MAX_SEEDS = 50;
const MAX_VIEWERS_PER_SEED = 500;

export type RecommendationRow = TitleFields & {
  /** The seed that contributed most, or null for a popular filler. */
  reason_title: string | null;
  /** Whether the profile watched the reason (else it only rated it up). */
  reason_watched: boolean | null;
};

export async function listRecommendations(scope: ProfileScope, limit: number): Promise<RecommendationRow[]> {
  const profileId = scope.id;
  return queryRows<RecommendationRow>(sql`with
    progress as (
      select w.title_id, bool_or(w.watched) as watched, max(w.updated_at) as at
      from watch_progress w where w.profile_id = ${profileId} group by w.title_id),
    rated as (select r.title_id, r.rating, r.updated_at as at from ratings r where r.profile_id = ${profileId}),
    seeds as (
      select coalesce(p.title_id, r.title_id) as title_id,
        (case when p.watched then 1 when p.title_id is not null then 0.5 else 0 end
          + case r.rating when 'up' then 2 when 'down' then -2 else 0 end)::float8 as weight,
        p.title_id is not null as watched,
        greatest(p.at, r.at) as at
      from progress p full join rated r on r.title_id = p.title_id
      order by greatest(p.at, r.at) desc, 1
      limit ${MAX_SEEDS}),
    genre_sim as (
      select s.title_id as seed_id, b.title_id as candidate_id, count(*)::float8 as shared
      from seeds s join title_genres a on a.title_id = s.title_id
        join title_genres b on b.genre_id = a.genre_id and b.title_id <> s.title_id
      group by 1, 2),
    people_sim as (
      select s.title_id as seed_id, b.title_id as candidate_id, count(distinct b.person_id)::float8 as shared
      from seeds s join credits a on a.title_id = s.title_id
        join credits b on b.person_id = a.person_id and b.title_id <> s.title_id
      group by 1, 2),
    seed_viewers as (
      select v.seed_id, v.profile_id from (
        select s.title_id as seed_id, w.profile_id,
          row_number() over (partition by s.title_id order by max(w.updated_at) desc, w.profile_id) as n
        from seeds s join watch_progress w on w.title_id = s.title_id and w.profile_id <> ${profileId}
        group by s.title_id, w.profile_id) v
      where v.n <= ${MAX_VIEWERS_PER_SEED}),
    co_sim as (
      select v.seed_id, w.title_id as candidate_id, count(distinct w.profile_id)::float8 as viewers
      from seed_viewers v join watch_progress w on w.profile_id = v.profile_id and w.title_id <> v.seed_id
      group by 1, 2),
    pairs as (
      select x.seed_id, x.candidate_id, sum(x.sim) as sim from (
        select seed_id, candidate_id, shared as sim from genre_sim
        union all select seed_id, candidate_id, 1.5 * shared from people_sim
        union all select seed_id, candidate_id, 2 * ln(1 + viewers) from co_sim) x
      group by 1, 2),
    contributions as (
      select p.candidate_id, p.seed_id, s.weight * p.sim as score, s.at
      from pairs p join seeds s on s.title_id = p.seed_id),
    scored as (
      select c.candidate_id, sum(c.score) as score,
        (array_agg(c.seed_id order by c.score desc, c.at desc, c.seed_id) filter (where c.score > 0))[1] as reason_id
      from contributions c group by c.candidate_id),
    eligible as (
      select t.id from titles t
      where ${visibleTo(scope)}
        and t.id not in (select title_id from progress)
        and t.id not in (select title_id from rated)),
    picked as (
      select e.id, case when sc.score > 0 then 0 else 1 end as tier,
        -- Fillers: neutral titles before those that resemble what the profile disliked.
        case when sc.score > 0 then sc.score else least(coalesce(sc.score, 0), 0) end as score,
        case when sc.score > 0 then sc.reason_id end as reason_id
      from eligible e left join scored sc on sc.candidate_id = e.id)
    select ${titleFields}, rt.title as reason_title, s.watched as reason_watched
    from picked pk join titles t on t.id = pk.id
      left join titles rt on rt.id = pk.reason_id
      left join seeds s on s.title_id = pk.reason_id
      left join title_trending tt on tt.title_id = t.id
    order by pk.tier, pk.score desc, tt.month_score desc nulls last, t.title, t.id
    limit ${limit}`);
}
