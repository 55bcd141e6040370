import "server-only";
import { getTableColumns, type Table } from "drizzle-orm";
import {
  mediaAssets,
  purchases,
  subscriptions,
  titles,
  type MediaAsset,
  type Purchase,
  type Subscription,
  type Title,
} from "../schema";
import { runStatement } from "./prepared";
import type { ItemRef } from "./progress";
import { holdsRightText } from "./purchases";

// Everything a stream start decides on, read in one round trip (lib/playback/streams.ts): the title and the item
// (movie, or episode and the one after it), the account's subscription and its live right to the title (rental or
// purchase), whether the profile's kids controls block one of the title's genres, the item's media asset with its
// subtitles, and the profile's position in it. Parameters:
//   $1 account id · $2 profile id · $3 movie id, or show id · $4 season (null for a movie) · $5 episode number
const FACTS = `with
  t as (
    select id, kind, access, maturity_level, maturity_rating, media_asset_id from titles
    where id = $3::uuid and published and kind = (case when $4::int is null then 'movie' else 'show' end)::title_kind),
  e as (
    select e.id, e.media_asset_id from episodes e join t on e.show_id = t.id
    where e.season_number = $4::int and e.number = $5::int),
  item as (
    select id as item_id, media_asset_id as asset_id from t where $4::int is null
    union all
    select id, media_asset_id from e),
  a as (select a.* from media_assets a join item on a.id = item.asset_id)
  select
    (select to_jsonb(t) from t) as title,
    (select item_id from item) as item_id,
    (select jsonb_build_object('season', n.season_number, 'episode', n.number) from episodes n join e on true
      where n.show_id = $3::uuid and (n.season_number, n.number) > ($4::int, $5::int)
      order by n.season_number, n.number limit 1) as next,
    (select to_jsonb(s) from subscriptions s where s.account_id = $1::uuid) as subscription,
    (select to_jsonb(p) from purchases p
      where p.account_id = $1::uuid and p.title_id = $3::uuid and p.status = 'active' and ${holdsRightText("p")}
      order by p.kind limit 1) as owned,
    exists (select 1 from profiles bp join genres bgg on bgg.slug = any(bp.blocked_genres)
      join title_genres bg on bg.genre_id = bgg.id where bp.id = $2::uuid and bg.title_id = $3::uuid) as genre_blocked,
    (select to_jsonb(a) from a) as asset,
    (select coalesce(jsonb_agg(jsonb_build_object('language', s.language, 'label', s.label, 'path', s.path) order by s.language), '[]'::jsonb)
      from subtitles s join a on s.asset_id = a.id) as subtitles,
    (select jsonb_build_object('position', w.position_seconds, 'watched', w.watched) from watch_progress w join item on w.item_id = item.item_id
      where w.profile_id = $2::uuid) as progress`;

type Json = Record<string, unknown>;

type FactsRow = {
  title: Json | null;
  item_id: string | null;
  next: { season: number; episode: number } | null;
  subscription: Json | null;
  owned: Json | null;
  genre_blocked: boolean;
  asset: Json | null;
  subtitles: { language: string; label: string; path: string }[];
  progress: { position: number | null; watched: boolean } | null;
};

/** A row of `table` from its `to_jsonb` form: each column present, read as the query builder would read it. */
function fromJson<T>(table: Table, json: Json): T {
  const row: Json = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!(column.name in json)) continue;
    const value = json[column.name];
    row[key] = value === null ? null : column.mapFromDriverValue(value);
  }
  return row as T;
}

export type StreamStartTitle = Pick<Title, "id" | "kind" | "access" | "maturityLevel" | "maturityRating" | "mediaAssetId">;

export type StreamStartFacts = {
  /** The published movie or show; undefined when there is none. */
  title: StreamStartTitle | undefined;
  /** The movie's id or the episode's; undefined when the show has no such episode. */
  itemId: string | undefined;
  next: { season: number; episode: number } | null;
  subscription: Subscription | undefined;
  owned: Purchase | undefined;
  genreBlocked: boolean;
  asset: MediaAsset | undefined;
  subtitles: { language: string; label: string; path: string }[];
  progress: { position: number | null; watched: boolean } | undefined;
};

export async function findStreamStartFacts(accountId: string, profileId: string, item: ItemRef): Promise<StreamStartFacts> {
  const params = item.kind === "movie" ? [item.movieId, null, null] : [item.showId, item.season, item.episode];
  const [row] = await runStatement<FactsRow>(FACTS, [accountId, profileId, ...params]);
  return {
    title: row.title ? fromJson<StreamStartTitle>(titles, row.title) : undefined,
    itemId: row.item_id ?? undefined,
    next: row.next,
    subscription: row.subscription ? fromJson<Subscription>(subscriptions, row.subscription) : undefined,
    owned: row.owned ? fromJson<Purchase>(purchases, row.owned) : undefined,
    genreBlocked: row.genre_blocked,
    asset: row.asset ? fromJson<MediaAsset>(mediaAssets, row.asset) : undefined,
    subtitles: row.subtitles,
    progress: row.progress ?? undefined,
  };
}
