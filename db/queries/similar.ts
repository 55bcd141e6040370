import "server-only";
import { inArray, sql } from "drizzle-orm";
import { visibleTo, type Audience } from "@/lib/access/visibility";
import { db, queryRows } from "../client";
import { titles } from "../schema";
import { titleColumns, type TitleRow } from "./catalog";

// "More like this" for one title, in one statement: every other title earns its shared genres (1 each), shared people
// (1.5 each: cast, directors, creators) and co-watching (2·ln(1 + n) for n profiles that finished both, counted among
// the latest MAX_CO_VIEWERS that finished this one). Only titles the audience may see; never the title itself nor
// what the acting profile finished (a movie watched to the end, a show with every episode watched).

const MAX_CO_VIEWERS = 500;

export type SimilarScope = { audience: Audience; profileId?: string };

type Ranked = { id: string; score: number; shared_genres: number; shared_people: number; co_viewers: number; total: number };

export async function listSimilar(titleId: string, scope: SimilarScope, limit: number, offset: number) {
  const finishedByProfile = scope.profileId
    ? sql`and t.id not in (
        select w.title_id from watch_progress w where w.profile_id = ${scope.profileId} and w.kind = 'movie' and w.watched
        union all
        select e.show_id from episodes e
          left join watch_progress w on w.profile_id = ${scope.profileId} and w.item_id = e.id and w.watched
        group by e.show_id having count(w.item_id) = count(*))`
    : sql``;
  const matches = sql`with
    genre_sim as (
      select b.title_id, count(*)::float8 as shared from title_genres a
        join title_genres b on b.genre_id = a.genre_id and b.title_id <> a.title_id
      where a.title_id = ${titleId} group by b.title_id),
    people_sim as (
      select b.title_id, count(distinct b.person_id)::float8 as shared from credits a
        join credits b on b.person_id = a.person_id and b.title_id <> a.title_id
      where a.title_id = ${titleId} group by b.title_id),
    viewers as (
      select w.profile_id from watch_progress w where w.title_id = ${titleId} and w.watched
      group by w.profile_id order by max(w.updated_at) desc, w.profile_id limit ${MAX_CO_VIEWERS}),
    co_sim as (
      select w.title_id, count(distinct w.profile_id)::float8 as viewers from viewers v
        join watch_progress w on w.profile_id = v.profile_id and w.watched and w.title_id <> ${titleId}
      group by w.title_id),
    scored as (
      select coalesce(g.title_id, p.title_id, c.title_id) as id,
        coalesce(g.shared, 0) as shared_genres, coalesce(p.shared, 0) as shared_people, coalesce(c.viewers, 0) as co_viewers
      from genre_sim g full join people_sim p on p.title_id = g.title_id
        full join co_sim c on c.title_id = coalesce(g.title_id, p.title_id))
    select s.id, s.shared_genres + 1.5 * s.shared_people + 2 * ln(1 + s.co_viewers) as score,
      s.shared_genres::int as shared_genres, s.shared_people::int as shared_people, s.co_viewers::int as co_viewers,
      tt.month_score, t.title
    from scored s join titles t on t.id = s.id
      left join title_trending tt on tt.title_id = t.id
    where ${visibleTo(scope.audience)} ${finishedByProfile}`;
  const ranked = await queryRows<Ranked>(sql`select m.*, count(*) over ()::int as total from (${matches}) m
    order by m.score desc, m.month_score desc nulls last, m.title, m.id
    limit ${limit} offset ${offset}`);
  if (!ranked.length) {
    // Past the last page the window count is lost with the rows.
    const [{ total }] = offset > 0 ? await queryRows<{ total: number }>(sql`select count(*)::int as total from (${matches}) m`) : [{ total: 0 }];
    return { rows: [], total };
  }
  const rows = await db().select(titleColumns).from(titles).where(inArray(titles.id, ranked.map((r) => r.id)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    rows: ranked.flatMap((r) => {
      const row = byId.get(r.id);
      return row ? [{ row, sharedGenres: r.shared_genres, sharedPeople: r.shared_people, coViewers: r.co_viewers }] : [];
    }),
    total: ranked[0].total,
  };
}

export type SimilarRow = { row: TitleRow; sharedGenres: number; sharedPeople: number; coViewers: number };
