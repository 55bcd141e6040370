import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "../client";
import { visibleTo } from "@/lib/access/visibility";
import { type ProfileScope } from "./lists";

// Everything a title page needs to know about one profile and one title, in one statement: whether it is on the
// watchlist, the profile's thumbs, and its progress on the movie or on each episode of the show.

export type ItemProgressRow = {
  season: number | null;
  episode: number | null;
  position_seconds: number;
  duration_seconds: number | null;
  watched: boolean;
  /** Milliseconds since the epoch: rows are compared, never shown. */
  updated_ms: number;
};

export type TitleStateRow = {
  on_watchlist: boolean;
  rating: "up" | "down" | null;
  progress: ItemProgressRow[];
};

/** Undefined when the profile may not see the title (or there is none). */
export async function findTitleState(scope: ProfileScope, titleId: string): Promise<TitleStateRow | undefined> {
  const [row] = await queryRows<TitleStateRow>(sql`select
      exists(select 1 from watchlist l where l.profile_id = ${scope.id} and l.title_id = t.id) as on_watchlist,
      (select r.rating from ratings r where r.profile_id = ${scope.id} and r.title_id = t.id) as rating,
      coalesce((
        select json_agg(json_build_object(
            'season', e.season_number, 'episode', e.number, 'position_seconds', w.position_seconds,
            'duration_seconds', coalesce(w.duration_seconds, a.duration_seconds, e.runtime_seconds, t.runtime_seconds),
            'watched', w.watched, 'updated_ms', floor(extract(epoch from w.updated_at) * 1000))
          order by w.updated_at desc)
        from watch_progress w
          left join episodes e on e.id = w.episode_id
          left join media_assets a on a.id = coalesce(e.media_asset_id, t.media_asset_id)
        where w.profile_id = ${scope.id} and w.title_id = t.id), '[]'::json) as progress
    from titles t
    where t.id = ${titleId} and ${visibleTo(scope)}`);
  return row;
}
