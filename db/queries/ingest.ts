import "server-only";
import { and, between, eq, isNotNull, sql } from "drizzle-orm";
import { db, queryRows } from "../client";
import { channelIngests, channels, type ChannelIngest } from "../schema";

// Live channels' ingests: a lease per channel (worker_id + heartbeat_at), taken by an upsert whose WHERE only lets it
// through when nobody holds the channel or its holder's heartbeat went stale, so two workers never run one channel;
// every status write is guarded by the holder's id, so a worker that lost its lease cannot overwrite the new one's.

/** What a worker needs to run a channel's ingest. */
export type IngestConfig = { channelId: string; number: number; streamKey: string | null; rtmpPort: number | null; sourceUrl: string | null };

const config = {
  channelId: channels.id,
  number: channels.number,
  streamKey: channels.streamKey,
  rtmpPort: channels.rtmpPort,
  sourceUrl: channels.sourceUrl,
};

/** Takes up to `limit` live channels nobody runs (or whose runner went silent for `staleSeconds`) for `workerId`. */
export async function claimIngests(workerId: string, staleSeconds: number, limit: number): Promise<IngestConfig[]> {
  if (limit <= 0) return [];
  const claimed = await queryRows<{ channel_id: string }>(sql`
    insert into channel_ingests (channel_id, worker_id, heartbeat_at)
    select c.id, ${workerId}, now() from channels c
    left join channel_ingests ci on ci.channel_id = c.id
    where c.kind = 'live' and (ci.worker_id is null or ci.heartbeat_at < now() - make_interval(secs => ${staleSeconds}))
    order by c.number
    limit ${limit}
    on conflict (channel_id) do update set worker_id = excluded.worker_id, heartbeat_at = now(), updated_at = now()
    where channel_ingests.worker_id is null or channel_ingests.heartbeat_at < now() - make_interval(secs => ${staleSeconds})
    returning channel_id`);
  const ids = claimed.map((r) => r.channel_id);
  if (!ids.length) return [];
  return db().select(config).from(channels).where(sql`${channels.id} in ${ids}`);
}

/**
 * Renews `workerId`'s leases; answers the live channels it still holds with their configuration now (a channel made
 * linear, deleted or taken over is missing).
 */
export async function renewIngests(workerId: string): Promise<IngestConfig[]> {
  return db()
    .update(channelIngests)
    .set({ heartbeatAt: sql`now()` })
    .from(channels)
    .where(and(eq(channelIngests.workerId, workerId), eq(channels.id, channelIngests.channelId), eq(channels.kind, "live")))
    .returning(config);
}

export type IngestStatus = Partial<
  Pick<ChannelIngest, "state" | "width" | "height" | "fps" | "bitrateKbps" | "videoCodec" | "audioCodec" | "renditions" | "lastError">
>;

/** Writes what the holder knows of its feed; a state change also moves `since`. False when it no longer holds it. */
export async function writeIngestStatus(channelId: string, workerId: string, status: IngestStatus): Promise<boolean> {
  const rows = await db()
    .update(channelIngests)
    .set({
      ...status,
      ...(status.state && { since: sql`case when ${channelIngests.state} = ${status.state} then ${channelIngests.since} else now() end` }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(channelIngests.channelId, channelId), eq(channelIngests.workerId, workerId)))
    .returning({ id: channelIngests.channelId });
  return rows.length > 0;
}

/** Adds refused pushes to the channel's count, with the last one's time and address; false when `workerId` lost it. */
export async function addRefusedPushes(channelId: string, workerId: string, refused: { count: number; at: Date; address: string; why: string }): Promise<boolean> {
  const rows = await db()
    .update(channelIngests)
    .set({
      refusedPushes: sql`${channelIngests.refusedPushes} + ${refused.count}`,
      lastRefusedAt: refused.at,
      lastRefusedAddress: refused.address,
      lastError: refused.why,
      updatedAt: sql`now()`,
    })
    .where(and(eq(channelIngests.channelId, channelId), eq(channelIngests.workerId, workerId)))
    .returning({ id: channelIngests.channelId });
  return rows.length > 0;
}

/** A stopping worker lets go of a channel: off air, free for the next worker at once. */
export async function releaseIngest(channelId: string, workerId: string): Promise<void> {
  await db()
    .update(channelIngests)
    .set({ workerId: null, heartbeatAt: null, state: "off_air", since: sql`now()`, bitrateKbps: null, fps: null, updatedAt: sql`now()` })
    .where(and(eq(channelIngests.channelId, channelId), eq(channelIngests.workerId, workerId)));
}

export async function findIngest(channelId: string): Promise<ChannelIngest | undefined> {
  const [row] = await db().select().from(channelIngests).where(eq(channelIngests.channelId, channelId));
  return row;
}

export async function listIngests(channelIds: string[]): Promise<ChannelIngest[]> {
  if (!channelIds.length) return [];
  return db().select().from(channelIngests).where(sql`${channelIngests.channelId} in ${channelIds}`);
}

/** The ports of `range` that channels already listen on. */
export async function takenRtmpPorts([from, to]: [number, number]): Promise<number[]> {
  const rows = await db()
    .select({ port: channels.rtmpPort })
    .from(channels)
    .where(and(isNotNull(channels.rtmpPort), between(channels.rtmpPort, from, to)));
  return rows.map((r) => r.port!);
}
