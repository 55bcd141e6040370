import "server-only";
import { ensurePlaybackPartitions } from "@/db/queries/analytics-events";

// playback_events is partitioned by month: the partitions of the next months are made ahead of time, so events land
// in their month's partition rather than the default one (which would then block making it).

const MONTHS_AROUND = 2;
const EVERY_MS = 12 * 3_600_000;

/** Makes the missing monthly partitions now, then twice a day. Returns the function that stops. */
export function startPlaybackPartitions(): () => void {
  const run = () =>
    ensurePlaybackPartitions(MONTHS_AROUND).catch((error: Error) =>
      console.error(`analytics: playback event partitions not made: ${error.message.split("\n")[0]}`),
    );
  void run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
