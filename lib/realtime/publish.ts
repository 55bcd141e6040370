import "server-only";
import type { Transaction } from "@/db/client";
import { insertEvent, pruneEvents } from "@/db/queries/realtime";
import { env } from "@/lib/env";

const TOPIC = /^[a-z0-9][a-z0-9._:-]{0,199}$/;
const TYPE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Publishes an event to every subscriber of `topic`, on every instance; returns its id. Inside `tx` it is stored and
 * announced when the transaction commits, and not at all if it rolls back. Publishers wait for each other from this
 * call to their commit (that is what keeps ids in commit order), so publish last in a transaction.
 */
export function publish(topic: string, type: string, data: unknown, tx?: Transaction): Promise<number> {
  if (!TOPIC.test(topic)) throw new Error(`realtime: bad topic ${JSON.stringify(topic)}`);
  if (!TYPE.test(type)) throw new Error(`realtime: bad event type ${JSON.stringify(type)}`);
  return insertEvent(topic, type, data ?? null, tx);
}

const PRUNE_EVERY_MS = 10 * 60_000;

/** Deletes events older than REALTIME_RETENTION_HOURS: once now, then every ten minutes. Returns the function that stops. */
export function startRealtimeRetention(): () => void {
  const prune = () =>
    pruneEvents(new Date(Date.now() - env.REALTIME_RETENTION_HOURS * 3_600_000)).catch((error: Error) =>
      console.error(`realtime: old events not pruned: ${error.message.split("\n")[0]}`),
    );
  void prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
