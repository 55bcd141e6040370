import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { visibleTo } from "@/lib/access/visibility";
import { queryRows } from "../client";
import type { Profile } from "../schema";

// A profile's lists: continue watching and history (from watch_progress), the watchlist and ratings. Every list shows
// only published titles within the profile's maturity level, so restricting a profile hides what it watched before.

/** The profile whose lists these are: its id, and its maturity level for what it may see (lib/access/rules.ts). */
export type ProfileScope = Pick<Profile, "id" | "maturityLevel">;
export type TitleKind = "movie" | "show";

/** The title columns every list returns (the titles table as `t`). */
export type TitleFields = {
  id: string;
  kind: TitleKind;
  title: string;
  synopsis: string;
  year: number;
  maturity_rating: string;
  poster_path: string | null;
  backdrop_path: string | null;
  runtime_seconds: number | null;
  genres: Array<{ slug: string; name: string }>;
};

export const titleFields = sql`t.id, t.kind, t.title, t.synopsis, t.year, t.maturity_rating, t.poster_path, t.backdrop_path,
  t.runtime_seconds, coalesce((
    select json_agg(json_build_object('slug', g.slug, 'name', g.name) order by g.name)
    from title_genres tg join genres g on g.id = tg.genre_id where tg.title_id = t.id), '[]'::json) as genres`;

/** A timestamp as ISO 8601 in UTC: raw statements get timestamps as the driver's text, which differs between drivers. */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type EpisodeFields = { season: number | null; episode: number | null; episode_title: string | null; still_path: string | null };

export type ContinueRow = TitleFields &
  EpisodeFields & { progress_seconds: number; duration_seconds: number | null; updated_at: string };

// Per title, the most recent progress row. A finished episode moves on to the next one (position 0); a finished movie,
// or a show with nothing left, drops out. A title whose latest row is hidden stays out until the next progress write.
const continueEntries = (profileId: string) => sql`
  latest as (
    select distinct on (w.title_id) w.title_id, w.kind, w.episode_id, w.position_seconds, w.duration_seconds, w.watched,
      w.updated_at, w.hidden_at, e.season_number, e.number
    from watch_progress w left join episodes e on e.id = w.episode_id
    where w.profile_id = ${profileId}
    order by w.title_id, w.updated_at desc, e.season_number desc nulls last, e.number desc nulls last),
  entries as (
    select l.title_id, l.updated_at,
      case when l.watched then n.id else l.episode_id end as episode_id,
      case when l.watched then 0 else l.position_seconds end as progress_seconds,
      case when l.watched then null else l.duration_seconds end as stored_duration
    from latest l
    left join lateral (
      select e.id from episodes e
      where l.watched and l.kind = 'episode' and e.show_id = l.title_id
        and (e.season_number, e.number) > (l.season_number, l.number)
      order by e.season_number, e.number
      limit 1) n on true
    where l.hidden_at is null and (not l.watched or n.id is not null))`;

// The item's length: as stored with the progress, else its video's, else the catalog runtime.
const itemDuration = sql`coalesce(a.duration_seconds, e.runtime_seconds, case when t.kind = 'movie' then t.runtime_seconds end)`;
const itemAsset = sql`a.id = case when e.id is not null then e.media_asset_id else t.media_asset_id end`;
const episodeColumns = sql`e.season_number as season, e.number as episode, e.title as episode_title, e.still_path`;

export async function listContinueWatching(scope: ProfileScope, limit: number): Promise<ContinueRow[]> {
  return queryRows<ContinueRow>(sql`with ${continueEntries(scope.id)}
    select ${titleFields}, ${episodeColumns}, en.progress_seconds, coalesce(en.stored_duration, ${itemDuration}) as duration_seconds,
      ${iso(sql`en.updated_at`)} as updated_at
    from entries en join titles t on t.id = en.title_id
      left join episodes e on e.id = en.episode_id
      left join media_assets a on ${itemAsset}
    where ${visibleTo(scope)}
    order by en.updated_at desc, t.id
    limit ${limit}`);
}

/** Hides a title that is on continue watching; false when it is not there. */
export async function hideFromContinueWatching(scope: ProfileScope, titleId: string): Promise<boolean> {
  const rows = await queryRows<{ title_id: string }>(sql`with ${continueEntries(scope.id)},
    shown as (select en.title_id from entries en join titles t on t.id = en.title_id where en.title_id = ${titleId} and ${visibleTo(scope)})
    update watch_progress set hidden_at = now()
    where profile_id = ${scope.id} and title_id in (select title_id from shown) and hidden_at is null
    returning title_id`);
  return rows.length > 0;
}

export type HistoryRow = TitleFields &
  EpisodeFields & {
    item_id: string;
    item_kind: "movie" | "episode";
    progress_seconds: number;
    duration_seconds: number | null;
    watched: boolean;
    updated_at: string;
  };

/** `completed`: watched to the end (past 90% or the credits); `in_progress`: started and not finished. */
export type HistoryStatus = "completed" | "in_progress";

export async function listHistory(scope: ProfileScope, status: HistoryStatus | undefined, limit: number, offset: number) {
  const watched = status === undefined ? sql`` : status === "completed" ? sql`and w.watched` : sql`and not w.watched`;
  const from = sql`from watch_progress w join titles t on t.id = w.title_id
    left join episodes e on e.id = w.episode_id
    left join media_assets a on ${itemAsset}
    where w.profile_id = ${scope.id} and ${visibleTo(scope)} ${watched}`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<HistoryRow>(sql`select ${titleFields}, ${episodeColumns}, w.item_id, w.kind as item_kind,
        w.position_seconds as progress_seconds, coalesce(w.duration_seconds, ${itemDuration}) as duration_seconds, w.watched,
        ${iso(sql`w.updated_at`)} as updated_at
      ${from}
      order by w.updated_at desc, w.item_id
      limit ${limit} offset ${offset}`),
    countRows(from),
  ]);
  return { rows, total };
}

/** What a history entry names: a movie, an episode, or a show (all of its episodes). */
export type HistoryTarget = { type: "movie" | "episode" | "show"; id: string };

/** Deletes the profile's progress on the item (every episode of a show); false when its history has none of it. */
export async function removeFromHistory(scope: ProfileScope, target: HistoryTarget): Promise<boolean> {
  const item =
    target.type === "show"
      ? sql`w.title_id = ${target.id} and w.kind = 'episode'`
      : sql`w.item_id = ${target.id} and w.kind = ${target.type}`;
  const rows = await queryRows<{ item_id: string }>(sql`delete from watch_progress w using titles t
    where w.profile_id = ${scope.id} and ${item} and t.id = w.title_id and ${visibleTo(scope)}
    returning w.item_id`);
  return rows.length > 0;
}

async function countRows(from: SQL): Promise<[{ total: number }]> {
  return queryRows<{ total: number }>(sql`select count(*)::int as total ${from}`) as Promise<[{ total: number }]>;
}

/** The title's id when it exists with this kind and the profile may see it. */
async function visibleTitle(scope: ProfileScope, kind: TitleKind, titleId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(sql`select t.id from titles t where t.id = ${titleId} and t.kind = ${kind} and ${visibleTo(scope)}`);
  return rows.length > 0;
}

export type WatchlistRow = TitleFields & { added_at: string };

export async function listWatchlist(scope: ProfileScope, limit: number, offset: number) {
  const from = sql`from watchlist l join titles t on t.id = l.title_id where l.profile_id = ${scope.id} and ${visibleTo(scope)}`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<WatchlistRow>(sql`select ${titleFields}, ${iso(sql`l.added_at`)} as added_at ${from} order by l.added_at desc, t.id limit ${limit} offset ${offset}`),
    countRows(from),
  ]);
  return { rows, total };
}

/** The ids of every title on the profile's watchlist (the cards' My List buttons need the whole set, not a page). */
export async function listWatchlistIds(scope: ProfileScope): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(sql`select t.id from watchlist l join titles t on t.id = l.title_id
    where l.profile_id = ${scope.id} and ${visibleTo(scope)}`);
  return rows.map((row) => row.id);
}

/** Adds the title (kept as it is when already there); undefined when there is no such title for this profile. */
export async function addToWatchlist(scope: ProfileScope, kind: TitleKind, titleId: string): Promise<WatchlistRow | undefined> {
  if (!(await visibleTitle(scope, kind, titleId))) return undefined;
  await queryRows(sql`insert into watchlist (profile_id, title_id) values (${scope.id}, ${titleId}) on conflict do nothing`);
  const [row] = await queryRows<WatchlistRow>(sql`select ${titleFields}, ${iso(sql`l.added_at`)} as added_at
    from watchlist l join titles t on t.id = l.title_id where l.profile_id = ${scope.id} and l.title_id = ${titleId}`);
  return row;
}

export async function removeFromWatchlist(scope: ProfileScope, kind: TitleKind, titleId: string): Promise<boolean> {
  const rows = await queryRows<{ title_id: string }>(sql`delete from watchlist l using titles t
    where l.profile_id = ${scope.id} and l.title_id = ${titleId} and t.id = l.title_id and t.kind = ${kind}
    returning l.title_id`);
  return rows.length > 0;
}

export type RatingValue = "up" | "down";
export type RatingRow = TitleFields & { rating: RatingValue; updated_at: string };

export async function listRatings(scope: ProfileScope, rating: RatingValue | undefined, limit: number, offset: number) {
  const from = sql`from ratings r join titles t on t.id = r.title_id
    where r.profile_id = ${scope.id} and ${visibleTo(scope)} ${rating ? sql`and r.rating = ${rating}` : sql``}`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<RatingRow>(sql`select ${titleFields}, r.rating, ${iso(sql`r.updated_at`)} as updated_at ${from} order by r.updated_at desc, t.id limit ${limit} offset ${offset}`),
    countRows(from),
  ]);
  return { rows, total };
}

/**
 * Sets (or with null removes) the profile's rating of a title. Returns the stored rating, null after a removal, and
 * undefined when there is no such title for this profile.
 */
export async function setRating(
  scope: ProfileScope,
  kind: TitleKind,
  titleId: string,
  rating: RatingValue | null,
): Promise<{ rating: RatingValue; updated_at: string } | null | undefined> {
  if (!(await visibleTitle(scope, kind, titleId))) return undefined;
  if (rating === null) {
    await queryRows(sql`delete from ratings where profile_id = ${scope.id} and title_id = ${titleId}`);
    return null;
  }
  const [row] = await queryRows<{ rating: RatingValue; updated_at: string }>(sql`insert into ratings (profile_id, title_id, rating)
    values (${scope.id}, ${titleId}, ${rating})
    on conflict (profile_id, title_id) do update set rating = excluded.rating, updated_at = now()
    returning rating, ${iso(sql`updated_at`)} as updated_at`);
  return row;
}
