import "server-only";
import { and, asc, gt, inArray, lt, max, sql } from "drizzle-orm";
import { db, listen, type Transaction } from "../client";
import { realtimeEvents } from "../schema";

// The realtime event log (lib/realtime/): written only through realtime_publish() (migration 0015), which also
// announces each event on the `realtime` channel; read back for Last-Event-ID replay and payloads sent by reference.

export const REALTIME_CHANNEL = "realtime";

export type StoredEvent = { id: number; topic: string; type: string; payload: unknown };

const columns = { id: realtimeEvents.id, topic: realtimeEvents.topic, type: realtimeEvents.type, payload: realtimeEvents.payload };

/** Stores and announces one event (on commit, inside `tx`); returns its id. */
export async function insertEvent(topic: string, type: string, payload: unknown, tx?: Transaction): Promise<number> {
  const result = (await (tx ?? db()).execute(
    sql`select realtime_publish(${topic}, ${type}, ${JSON.stringify(payload)}::jsonb)::text as id`,
  )) as unknown as { id: string }[] | { rows: { id: string }[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return Number(rows[0].id);
}

/** The events of `topics` after `afterId`, oldest first, at most `limit`. */
export function eventsAfter(topics: string[], afterId: number, limit: number): Promise<StoredEvent[]> {
  return db()
    .select(columns)
    .from(realtimeEvents)
    .where(and(inArray(realtimeEvents.topic, topics), gt(realtimeEvents.id, afterId)))
    .orderBy(asc(realtimeEvents.id))
    .limit(limit);
}

export async function eventById(id: number): Promise<StoredEvent | undefined> {
  const [row] = await db().select(columns).from(realtimeEvents).where(sql`${realtimeEvents.id} = ${id}`);
  return row;
}

/** The newest event's id (0 when there is none): a new stream without Last-Event-ID starts after it. */
export async function latestEventId(): Promise<number> {
  const [row] = await db().select({ id: max(realtimeEvents.id) }).from(realtimeEvents);
  return Number(row?.id ?? 0);
}

/** Deletes events older than `before`. */
export async function pruneEvents(before: Date): Promise<void> {
  await db().delete(realtimeEvents).where(lt(realtimeEvents.createdAt, before));
}

/** Follows every announced event (the raw NOTIFY payload); `onGap` runs when announcements may have been missed. */
export function listenForEvents(onMessage: (payload: string) => void, onGap: () => void) {
  return listen(REALTIME_CHANNEL, onMessage, onGap);
}
