import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "../client";
import { accounts, profiles, streams, titles, type Stream } from "../schema";
import { recordStreamStart } from "./trending";

export type LiveStream = Pick<Stream, "id" | "kind" | "itemId" | "titleId" | "userAgent" | "startedAt" | "lastSeenAt"> & {
  profileName: string;
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
  title: titles.title,
};

function selectLive(executor: Database | Transaction, accountId: string, leaseSeconds: number): Promise<LiveStream[]> {
  return executor
    .select(liveColumns)
    .from(streams)
    .innerJoin(profiles, eq(profiles.id, streams.profileId))
    .innerJoin(titles, eq(titles.id, streams.titleId))
    .where(and(eq(streams.accountId, accountId), alive(leaseSeconds)))
    .orderBy(desc(streams.startedAt));
}

export async function listLiveStreams(accountId: string, leaseSeconds: number): Promise<LiveStream[]> {
  return selectLive(db(), accountId, leaseSeconds);
}

export type NewStream = Pick<typeof streams.$inferInsert, "accountId" | "profileId" | "kind" | "itemId" | "titleId" | "assetId" | "userAgent" | "ip" | "channelId">;

/**
 * Opens a stream unless the account already has `limit` live ones, in which case those are returned instead, except
 * when one of them is the same profile on the same item from the same user agent (a reload), which it replaces.
 * The account row is locked for the count and insert, so two devices starting at once cannot both take the last slot.
 * The start is added to the title's trending scores in the same transaction.
 */
export async function openStreamWithinLimit(
  values: NewStream,
  limit: number,
  leaseSeconds: number,
): Promise<{ stream: Stream; live?: never } | { stream?: never; live: LiveStream[] }> {
  return db().transaction(async (tx) => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, values.accountId)).for("update");
    const live = await selectLive(tx, values.accountId, leaseSeconds);
    if (live.length >= limit) {
      // The same device reopening the same title for the same profile (a reload) takes over its own lease.
      const [reopened] = await tx
        .update(streams)
        .set({ endedAt: sql`now()` })
        .where(
          and(
            eq(streams.accountId, values.accountId),
            eq(streams.profileId, values.profileId),
            // A channel's stream is the channel's, whatever programme was on air when it started.
            values.channelId ? eq(streams.channelId, values.channelId) : eq(streams.itemId, values.itemId),
            values.userAgent ? eq(streams.userAgent, values.userAgent) : sql`false`,
            alive(leaseSeconds),
          ),
        )
        .returning({ id: streams.id });
      if (!reopened) return { live };
    }
    const [stream] = await tx.insert(streams).values(values).returning();
    // A start counts towards trending; a reload that took over its own lease (above) is the same viewing.
    if (live.length < limit) await recordStreamStart(tx, values.titleId);
    return { stream };
  });
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
