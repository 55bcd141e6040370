import "server-only";
import { visibleToText, type Audience } from "@/lib/access/visibility";
import { ADD_EVENT_TEXT, EVENT_COLUMNS_TEXT, eventValuesText } from "@/lib/catalog/trending-scores";
import type { Profile } from "../schema";
import { STREAM_LEASE_SECONDS } from "../schema/playback";
import { runStatement } from "./prepared";

// Each progress request is one statement, so the hot path (the player's PUT every few seconds) is one round trip:
// it finds the profile and the item (among the titles the profile may see), applies the write, and reports which of
// them was missing. The statements are fixed text run as prepared statements (no query building per request).
// Parameters, the same in all of them:
//   $1 profile id · $2 its maturity level · $3 movie id, or show id · $4 season (null for a movie) · $5 episode number
//   $6 position in seconds · $7 the client's timestamp of the write
// New steps of a write (another table to touch in the same round trip) go in as further CTEs before `outcome`.

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

// p: the profile (gone if deleted meanwhile); i: the movie or episode, if the profile may see it, with its duration and
// credits mark; existing: its stored progress.
const VISIBLE = visibleToText("t", "$2::int", "$1::uuid");
const CONTEXT = `
  p as (select id from profiles where id = $1::uuid),
  i as (
    select t.id as item_id, t.id as title_id, null::uuid as episode_id, 'movie'::progress_kind as kind,
      coalesce(a.duration_seconds, t.runtime_seconds) as duration, a.credits_start_seconds as credits
    from titles t left join media_assets a on a.id = t.media_asset_id
    where $4::int is null and t.id = $3::uuid and t.kind = 'movie' and ${VISIBLE}
    union all
    select e.id, e.show_id, e.id, 'episode'::progress_kind,
      coalesce(a.duration_seconds, e.runtime_seconds), a.credits_start_seconds
    from episodes e join titles t on t.id = e.show_id left join media_assets a on a.id = e.media_asset_id
    where e.show_id = $3::uuid and e.season_number = $4::int and e.number = $5::int and ${VISIBLE}),
  existing as (select w.position_seconds, w.watched, w.updated_at from watch_progress w, p, i where w.profile_id = p.id and w.item_id = i.item_id)`;

// Never beyond the end.
const POSITION = `least($6::real, coalesce(i.duration, $6::real)::real)`;

// Past 90% of the runtime, or past the credits, counts as watched.
const FINISHED = `(i.duration is not null and (${POSITION} >= 0.9 * i.duration or (i.credits is not null and ${POSITION} >= i.credits)))`;

const OUTCOME = `
  select exists(select 1 from p) as profile_found, exists(select 1 from i) as item_found,
    exists(select 1 from existing) as existed,
    coalesce((select position_seconds from changed), (select position_seconds from existing)) as position,
    exists(select 1 from changed) as applied,
    coalesce((select watched from changed), (select watched from existing)) as watched`;

// A write is the player's heartbeat: it renews the profile's live stream lease on the item (lib/playback/streams.ts),
// in the same statement. A lapsed lease stays lapsed: its slot may have gone to another device.
const RENEW_LEASE = `
  lease as (
    update streams s set last_seen_at = now()
    from p, i
    where s.profile_id = p.id and s.item_id = i.item_id and s.ended_at is null
      and s.last_seen_at > now() - interval '${STREAM_LEASE_SECONDS} seconds'
    returning s.id)`;

// A write that moves the position forward adds the seconds watched to the title's trending scores
// (lib/catalog/trending-scores.ts), in the same statement: at most twice the time since the previous write, so a seek
// ahead is not watching.
const WATCHED = `greatest(0, least(c.position_seconds - e.position_seconds, 2 * extract(epoch from now() - e.updated_at)))::float8`;
const TREND = `
  trend as (
    insert into title_trending as tt (${EVENT_COLUMNS_TEXT})
    select i.title_id, ${eventValuesText("0", "d.seconds")}
    from i, (select ${WATCHED} as seconds from changed c, existing e) d
    where d.seconds > 0
    ${ADD_EVENT_TEXT}
    returning 1)`;

const READ = `with ${CONTEXT},
  changed as (select position_seconds, watched from existing where false)
  ${OUTCOME}`;

const INSERT = `with ${CONTEXT},
  changed as (
    insert into watch_progress (profile_id, item_id, kind, title_id, episode_id, position_seconds, duration_seconds, watched, client_updated_at)
    select p.id, i.item_id, i.kind, i.title_id, i.episode_id, ${POSITION}, i.duration, ${FINISHED}, $7::timestamptz
    from p, i
    on conflict (profile_id, item_id) do nothing
    returning position_seconds, watched),${RENEW_LEASE}
  ${OUTCOME}`;

const UPDATE = `with ${CONTEXT},
  changed as (
    update watch_progress w
    set position_seconds = ${POSITION}, duration_seconds = i.duration, watched = w.watched or ${FINISHED},
      client_updated_at = $7::timestamptz, updated_at = now(), hidden_at = null
    from p, i
    where w.profile_id = p.id and w.item_id = i.item_id and w.client_updated_at <= $7::timestamptz
    returning w.position_seconds, w.watched),${RENEW_LEASE},${TREND}
  ${OUTCOME}`;

const itemParams = (item: ItemRef) =>
  item.kind === "movie" ? [item.movieId, null, null] : [item.showId, item.season, item.episode];

async function run(text: string, params: unknown[]): Promise<ProgressOutcome> {
  const [row] = await runStatement<ProgressOutcome>(text, params);
  return row;
}

/** The profile writing or reading progress, and what it may see. */
export type ProgressProfile = Pick<Profile, "id"> & NonNullable<Audience>;

const profileParams = (profile: ProgressProfile) => [profile.id, profile.maturityLevel];

export function readProgress(profile: ProgressProfile, item: ItemRef): Promise<ProgressOutcome> {
  return run(READ, [...profileParams(profile), ...itemParams(item)]);
}

/** Creates the row; does nothing (applied = false) when one exists. */
export function insertProgress(profile: ProgressProfile, item: ItemRef, write: ProgressWrite): Promise<ProgressOutcome> {
  return run(INSERT, [...profileParams(profile), ...itemParams(item), write.positionSeconds, write.clientUpdatedAt.toISOString()]);
}

/** Moves the stored position unless the stored write is newer (by the client's clock); a watched item stays watched. */
export function updateProgress(profile: ProgressProfile, item: ItemRef, write: ProgressWrite): Promise<ProgressOutcome> {
  return run(UPDATE, [...profileParams(profile), ...itemParams(item), write.positionSeconds, write.clientUpdatedAt.toISOString()]);
}
