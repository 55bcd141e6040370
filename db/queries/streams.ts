import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "../client";
import { channels, profiles, streams, titles, type Stream } from "../schema";
import { runStatement } from "./prepared";
import { streamStartUpsertText } from "./trending";

export type LiveStream = Pick<Stream, "id" | "kind" | "itemId" | "titleId" | "userAgent" | "startedAt" | "lastSeenAt"> & {
  profileName: string;
  /** What it plays: the title, or a live channel's name. */
  title: string;
};

const alive = (leaseSeconds: number) =>
  and(isNull(streams.endedAt), gt(streams.lastSeenAt, sql`now() - make_interval(secs => ${leaseSeconds})`));

const liveColumns = {
  id: streams.id,
  kind: streams.kind,
  itemId: streams.itemId,
  titleId: streams.titleId,
  userAgent: streams.userAgent,
  startedAt: streams.startedAt,
  lastSeenAt: streams.lastSeenAt,
  profileName: profiles.name,
  title: sql<string>`coalesce(${titles.title}, ${channels.name}, '')`,
};

export async function listLiveStreams(accountId: string, leaseSeconds: number): Promise<LiveStream[]> {
  return db()
    .select(liveColumns)
    .from(streams)
    .innerJoin(profiles, eq(profiles.id, streams.profileId))
    .leftJoin(titles, eq(titles.id, streams.titleId))
    .leftJoin(channels, eq(channels.id, streams.channelId))
    .where(and(eq(streams.accountId, accountId), alive(leaseSeconds)))
    .orderBy(desc(streams.startedAt));
}

export type NewStream = Pick<typeof streams.$inferInsert, "accountId" | "profileId" | "kind" | "itemId" | "titleId" | "assetId" | "userAgent" | "ip" | "channelId">;

// Taking a lease is one round trip: `open_stream` (migration 0027) locks the account, counts its live streams
// and inserts the new one; a start that took a free slot counts towards trending in the same statement (a reload that
// took over its own lease is the same viewing; a channel's reload is any stream of the same channel). Parameters:
// $1 account · $2 profile · $3 kind · $4 item · $5 title · $6 asset · $7 channel · $8 user agent · $9 ip ·
// $10 the plan's streams · $11 the lease in seconds.
const OPEN_STREAM = `with opened as (select * from open_stream($1::uuid, $2::uuid, $3, $4::uuid, $5::uuid, $6::uuid, $7::uuid, $8, $9, $10::int, $11::int)),
  trend as (
    ${streamStartUpsertText("$5::uuid", "from opened where took_slot and $5::uuid is not null")}
    returning 1)
  select stream_id as id from opened`;

/**
 * Opens a stream unless the account already has `limit` live ones; then the same device reopening the same item for
 * the same profile (a reload) takes over its own lease, and anything else gets the live streams (no row written).
 */
export async function openStreamWithinLimit(
  values: NewStream,
  limit: number,
  leaseSeconds: number,
): Promise<{ stream: { id: string }; live?: never } | { stream?: never; live: LiveStream[] }> {
  const [stream] = await runStatement<{ id: string }>(OPEN_STREAM, [
    values.accountId, values.profileId, values.kind, values.itemId, values.titleId, values.assetId, values.channelId ?? null,
    values.userAgent ?? null, values.ip ?? null, limit, leaseSeconds,
  ]);
  return stream ? { stream } : { live: await listLiveStreams(values.accountId, leaseSeconds) };
}

/** Ends one of the account's streams (idempotent); false when the account has no such stream. */
export async function endStream(accountId: string, streamId: string): Promise<boolean> {
  const rows = await db()
    .update(streams)
    .set({ endedAt: sql`coalesce(${streams.endedAt}, now())` })
    .where(and(eq(streams.id, streamId), eq(streams.accountId, accountId)))
    .returning({ id: streams.id });
  return rows.length > 0;
}
