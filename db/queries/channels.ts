import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { channelVisibleTo, type Audience } from "@/lib/access/visibility";
import { db } from "../client";
import { channelItems, channels, episodes, mediaAssets, streams, titles, type Channel } from "../schema";

export type ChannelFields = Pick<typeof channels.$inferInsert, "number" | "name" | "kind" | "logoUrl" | "streamKey" | "rtmpPort" | "sourceUrl" | "maturityRating" | "maturityLevel">;

/** Channels visible to `audience`, by number. */
export async function listChannels(audience: Audience): Promise<Channel[]> {
  return db().select().from(channels).where(channelVisibleTo(audience)).orderBy(asc(channels.number));
}

/** One channel, if it exists and `audience` may see it (undefined `audience`: anyone). */
export async function findChannel(channelId: string, audience?: Audience): Promise<Channel | undefined> {
  const [row] = await db()
    .select()
    .from(channels)
    .where(and(eq(channels.id, channelId), channelVisibleTo(audience)));
  return row;
}

/** Channels whose name or number matches `q` (search, `type=channel`). */
export async function searchChannels(q: string, audience: Audience, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db()
    .select({ channel: channels, score: sql<number>`greatest(similarity(${channels.name}, ${q}), case when ${channels.name} ilike ${pattern} then 0.9 else 0 end, case when ${channels.number}::text = ${q} then 1 else 0 end)::float` })
    .from(channels)
    .where(
      and(
        channelVisibleTo(audience),
        sql`(${channels.name} ilike ${pattern} or ${channels.name} % ${q} or ${channels.number}::text = ${q})`,
      ),
    )
    .orderBy(sql`3 desc`, asc(channels.number))
    .limit(limit);
}

const show = alias(titles, "show_title");

/** The schedules of these channels, in order: each item with its title, episode and video. */
export async function listScheduleItems(channelIds: string[]) {
  if (!channelIds.length) return [];
  return db()
    .select({
      id: channelItems.id,
      channelId: channelItems.channelId,
      position: channelItems.position,
      kind: channelItems.kind,
      titleId: channelItems.titleId,
      episodeId: channelItems.episodeId,
      title: titles.title,
      published: titles.published,
      access: titles.access,
      maturityLevel: titles.maturityLevel,
      maturityRating: titles.maturityRating,
      seasonNumber: episodes.seasonNumber,
      episodeNumber: episodes.number,
      episodeTitle: episodes.title,
      asset: mediaAssets,
    })
    .from(channelItems)
    .innerJoin(titles, eq(titles.id, channelItems.titleId))
    .leftJoin(episodes, eq(episodes.id, channelItems.episodeId))
    .leftJoin(mediaAssets, sql`${mediaAssets.id} = coalesce(${episodes.mediaAssetId}, ${titles.mediaAssetId})`)
    .where(inArray(channelItems.channelId, channelIds))
    .orderBy(asc(channelItems.channelId), asc(channelItems.position));
}

export type ScheduleItemRow = Awaited<ReturnType<typeof listScheduleItems>>[number];

export async function insertChannel(fields: ChannelFields): Promise<Channel> {
  const [row] = await db().insert(channels).values(fields).returning();
  return row;
}

export async function updateChannel(channelId: string, fields: Partial<ChannelFields>): Promise<Channel | undefined> {
  const [row] = await db()
    .update(channels)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(channels.id, channelId))
    .returning();
  return row;
}

export async function deleteChannel(channelId: string): Promise<boolean> {
  return (await db().delete(channels).where(eq(channels.id, channelId)).returning({ id: channels.id })).length > 0;
}

export async function channelNumberTaken(number: number, exceptId?: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.number, number), exceptId ? sql`${channels.id} <> ${exceptId}` : undefined));
  return row !== undefined;
}

export type NewScheduleItem = { kind: "movie" | "episode"; titleId: string; episodeId: string | null };

/** Replaces a channel's schedule and restarts its loop now. False when the channel is gone. */
export async function replaceSchedule(channelId: string, items: NewScheduleItem[]): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [channel] = await tx
      .update(channels)
      .set({ scheduleStartsAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(channels.id, channelId))
      .returning({ id: channels.id });
    if (!channel) return false;
    await tx.delete(channelItems).where(eq(channelItems.channelId, channelId));
    if (items.length) await tx.insert(channelItems).values(items.map((item, position) => ({ channelId, position, ...item })));
    return true;
  });
}

/** The published movie with this id, or the episode of a published show: what a schedule may hold. */
export async function findSchedulable(kind: "movie" | "episode", id: string): Promise<NewScheduleItem | undefined> {
  if (kind === "movie") {
    const [row] = await db()
      .select({ id: titles.id })
      .from(titles)
      .where(and(eq(titles.id, id), eq(titles.kind, "movie")));
    return row && { kind, titleId: row.id, episodeId: null };
  }
  const [row] = await db().select({ showId: episodes.showId }).from(episodes).where(eq(episodes.id, id));
  return row && { kind, titleId: row.showId, episodeId: id };
}

/**
 * A channel stream's heartbeat, from its live playlist's refreshes: renews its lease (at most every 15 s) and says
 * whether it is still open.
 */
export async function renewChannelStream(streamId: string, channelId: string, leaseSeconds: number): Promise<boolean> {
  const [row] = await db()
    .select({ endedAt: streams.endedAt, fresh: sql<boolean>`${streams.lastSeenAt} > now() - make_interval(secs => ${leaseSeconds})` })
    .from(streams)
    .where(and(eq(streams.id, streamId), eq(streams.channelId, channelId)));
  if (!row || row.endedAt || !row.fresh) return false;
  await db()
    .update(streams)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(streams.id, streamId), sql`${streams.endedAt} is null`, sql`${streams.lastSeenAt} < now() - interval '15 seconds'`));
  return true;
}
