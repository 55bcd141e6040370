import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, queryRows } from "../client";
import { episodes, profiles, streams, titles } from "../schema";
import { playbackEvents, type NewPlaybackEvent } from "../schema/analytics";

// Playback events: one INSERT per batch into the month-partitioned playback_events (migration 0017).

/**
 * The batch goes as one JSON parameter that PostgreSQL unpacks (`jsonb_to_recordset`): a 500-row multi-VALUES insert
 * costs the app about 100 ms of CPU to build and bind (6,500 parameters), this about 5 ms, so ingest leaves the event
 * loop to the progress path (bench:events).
 */
export async function insertPlaybackEvents(rows: NewPlaybackEvent[]): Promise<void> {
  if (!rows.length) return;
  const records = rows.map((row) => ({
    occurred_at: row.occurredAt,
    account_id: row.accountId,
    profile_id: row.profileId,
    stream_id: row.streamId,
    title_id: row.titleId,
    item_id: row.itemId,
    type: row.type,
    rendition: row.rendition,
    bitrate: row.bitrate,
    position_seconds: row.positionSeconds,
    duration_ms: row.durationMs,
    error_code: row.errorCode,
    data: row.data ?? {},
  }));
  await db().execute(sql`
    insert into ${playbackEvents}
      (occurred_at, account_id, profile_id, stream_id, title_id, item_id, type, rendition, bitrate, position_seconds, duration_ms, error_code, data)
    select occurred_at, account_id, profile_id, stream_id, title_id, item_id, type, rendition, bitrate, position_seconds, duration_ms, error_code, data
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(
      occurred_at timestamptz, account_id uuid, profile_id uuid, stream_id uuid, title_id uuid, item_id uuid, type text,
      rendition text, bitrate integer, position_seconds real, duration_ms integer, error_code text, data jsonb)`);
}

/** The account's profiles by name. */
export async function profileIdsByName(accountId: string, names: string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  const rows = await db().select({ id: profiles.id, name: profiles.name }).from(profiles).where(and(eq(profiles.accountId, accountId), inArray(profiles.name, names)));
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** The account's streams by id, with what they play. */
export async function streamsOfAccount(accountId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { profileId: string; itemId: string; titleId: string }>();
  const rows = await db()
    .select({ id: streams.id, profileId: streams.profileId, itemId: streams.itemId, titleId: streams.titleId })
    .from(streams)
    .where(and(eq(streams.accountId, accountId), inArray(streams.id, ids)));
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** Movies and episodes by id, each with its title (the movie, or the episode's show). */
export async function titlesOfItems(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const [movies, shows] = await Promise.all([
    db().select({ id: titles.id, titleId: titles.id }).from(titles).where(and(inArray(titles.id, ids), eq(titles.kind, "movie"))),
    db().select({ id: episodes.id, titleId: episodes.showId }).from(episodes).where(inArray(episodes.id, ids)),
  ]);
  return new Map([...movies, ...shows].map((row) => [row.id, row.titleId]));
}

/** Creates the monthly partitions from `months` before this month to `months` after it (those missing). */
export async function ensurePlaybackPartitions(months: number): Promise<void> {
  await queryRows(sql`select playback_events_ensure_partitions(${months})`);
}

/**
 * Drops the monthly partitions of months before `before` (the first day of a UTC month, YYYY-MM-01) and deletes what
 * the default partition holds from before then; returns the partitions dropped.
 */
export async function dropPlaybackPartitionsBefore(before: string): Promise<string[]> {
  const partitions = await queryRows<{ name: string }>(sql`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'playback_events' and c.relname ~ '^playback_events_[0-9]{4}_[0-9]{2}$'`);
  const old = partitions.map((row) => row.name).filter((name) => `${name.slice(-7).replace("_", "-")}-01` < before);
  for (const name of old.sort()) await queryRows(sql`drop table if exists ${sql.identifier(name)}`);
  await queryRows(sql`delete from playback_events_default where occurred_at < ${before}::timestamp at time zone 'UTC'`);
  return old;
}
