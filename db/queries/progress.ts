import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "../client";

// Each progress request is one statement, so the hot path (the player's PUT every few seconds) is one round trip:
// it finds the profile and the item, applies the write, and reports which of them was missing.

export type ItemRef =
  | { kind: "movie"; movieId: string }
  | { kind: "episode"; showId: string; season: number; episode: number };

export type ProgressWrite = { positionSeconds: number; clientUpdatedAt: Date };

export type ProgressOutcome = {
  profile_found: boolean;
  item_found: boolean;
  /** Whether a row existed before this statement. */
  existed: boolean;
  /** The stored position after the statement (null when there is none). */
  position: number | null;
  /** Whether this write was applied (false for a stale or conflicting one). */
  applied: boolean;
  watched: boolean | null;
};

function contextCtes(accountId: string, profileName: string, item: ItemRef): SQL {
  const itemQuery =
    item.kind === "movie"
      ? sql`select t.id as item_id, t.id as title_id, null::uuid as episode_id, 'movie'::progress_kind as kind,
            coalesce(a.duration_seconds, t.runtime_seconds) as duration, a.credits_start_seconds as credits
          from titles t left join media_assets a on a.id = t.media_asset_id
          where t.id = ${item.movieId} and t.kind = 'movie' and t.published`
      : sql`select e.id as item_id, e.show_id as title_id, e.id as episode_id, 'episode'::progress_kind as kind,
            coalesce(a.duration_seconds, e.runtime_seconds) as duration, a.credits_start_seconds as credits
          from episodes e join titles t on t.id = e.show_id left join media_assets a on a.id = e.media_asset_id
          where e.show_id = ${item.showId} and e.season_number = ${item.season} and e.number = ${item.episode}
            and t.published`;
  return sql`p as (select id from profiles where account_id = ${accountId} and name = ${profileName}),
    i as (${itemQuery}),
    existing as (select w.position_seconds, w.watched from watch_progress w, p, i where w.profile_id = p.id and w.item_id = i.item_id)`;
}

// Past 90% of the runtime, or past the credits, counts as watched.
const finished = (position: SQL) =>
  sql`(i.duration is not null and (${position} >= 0.9 * i.duration or (i.credits is not null and ${position} >= i.credits)))`;

// Never beyond the end.
const clamped = (seconds: number) => sql`least(${seconds}::real, coalesce(i.duration, ${seconds})::real)`;

const outcome = (changed: SQL) => sql`
  select exists(select 1 from p) as profile_found, exists(select 1 from i) as item_found,
    exists(select 1 from existing) as existed,
    coalesce((select position_seconds from ${changed}), (select position_seconds from existing)) as position,
    exists(select 1 from ${changed}) as applied,
    coalesce((select watched from ${changed}), (select watched from existing)) as watched`;

export async function readProgress(accountId: string, profileName: string, item: ItemRef): Promise<ProgressOutcome> {
  const [row] = await queryRows<ProgressOutcome>(sql`with ${contextCtes(accountId, profileName, item)},
    changed as (select position_seconds, watched from existing where false)
    ${outcome(sql.raw("changed"))}`);
  return row;
}

/** Creates the row; does nothing (applied = false) when one exists. */
export async function insertProgress(accountId: string, profileName: string, item: ItemRef, write: ProgressWrite): Promise<ProgressOutcome> {
  const position = clamped(write.positionSeconds);
  const [row] = await queryRows<ProgressOutcome>(sql`with ${contextCtes(accountId, profileName, item)},
    changed as (
      insert into watch_progress (profile_id, item_id, kind, title_id, episode_id, position_seconds, duration_seconds, watched, client_updated_at)
      select p.id, i.item_id, i.kind, i.title_id, i.episode_id, ${position}, i.duration, ${finished(position)}, ${write.clientUpdatedAt.toISOString()}::timestamptz
      from p, i
      on conflict (profile_id, item_id) do nothing
      returning position_seconds, watched)
    ${outcome(sql.raw("changed"))}`);
  return row;
}

/** Moves the stored position unless the stored write is newer (by the client's clock); a watched item stays watched. */
export async function updateProgress(accountId: string, profileName: string, item: ItemRef, write: ProgressWrite): Promise<ProgressOutcome> {
  const position = clamped(write.positionSeconds);
  const [row] = await queryRows<ProgressOutcome>(sql`with ${contextCtes(accountId, profileName, item)},
    changed as (
      update watch_progress w
      set position_seconds = ${position}, duration_seconds = i.duration, watched = w.watched or ${finished(position)},
        client_updated_at = ${write.clientUpdatedAt.toISOString()}::timestamptz, updated_at = now(), hidden_at = null
      from p, i
      where w.profile_id = p.id and w.item_id = i.item_id and w.client_updated_at <= ${write.clientUpdatedAt.toISOString()}::timestamptz
      returning w.position_seconds, w.watched)
    ${outcome(sql.raw("changed"))}`);
  return row;
}
