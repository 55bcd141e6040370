import "server-only";
import { dropPlaybackPartitionsBefore, ensurePlaybackPartitions } from "@/db/queries/analytics-events";
import { env } from "@/lib/env";

// playback_events is partitioned by month: the partitions of the next months are made ahead of time, so events land
// in their month's partition rather than the default one (which would then block making it), and months older than
// ANALYTICS_RETENTION_MONTHS are dropped whole.

const MONTHS_AROUND = 2;
const EVERY_MS = 12 * 3_600_000;

/** The first day (YYYY-MM-01, UTC) of the oldest month kept when `months` whole months are kept before `now`'s. */
export function retentionStart(now: Date, months: number): string {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  return first.toISOString().slice(0, 10);
}

/** Makes the missing partitions and drops the expired ones; returns the partitions dropped. */
export async function maintainPlaybackPartitions(now = new Date(), months = env.ANALYTICS_RETENTION_MONTHS): Promise<string[]> {
  await ensurePlaybackPartitions(MONTHS_AROUND);
  return months > 0 ? dropPlaybackPartitionsBefore(retentionStart(now, months)) : [];
}

/** Keeps the partitions now, then twice a day. Returns the function that stops. */
export function startPlaybackPartitions(): () => void {
  const run = () =>
    maintainPlaybackPartitions().catch((error: Error) =>
      console.error(`analytics: playback event partitions not maintained: ${error.message.split("\n")[0]}`),
    );
  void run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
