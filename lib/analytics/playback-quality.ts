import "server-only";
import { errorsPerDay, foldedUntil, foldPlaybackQuality, qualityPerDay, qualityPerRendition } from "@/db/queries/playback-quality";
import type { Principal } from "@/lib/accounts/sessions";
import { requireAdmin } from "@/lib/admin/guard";
import { env } from "@/lib/env";

// The admin playback-quality report reads per-day rollups that a fold keeps current every FOLD_EVERY_MS, plus the
// events received since the last fold, so it stays fast however many events are stored (db/queries/playback-quality.ts).

const FOLD_EVERY_MS = 10_000;
/** An ingest statement is over within the statement timeout (a minute when there is none), plus slack. */
const SETTLE_SECONDS = (env.DATABASE_STATEMENT_TIMEOUT_MS > 0 ? env.DATABASE_STATEMENT_TIMEOUT_MS / 1000 : 60) + 10;

/** Startup time, stalls, bitrate and errors by day and by rendition, from what players reported. */
export async function playbackQuality(principal: Principal | undefined, days: number) {
  requireAdmin(principal);
  const since = await foldedUntil();
  const [perDay, perRendition, errors] = await Promise.all([qualityPerDay(days, since), qualityPerRendition(days, since), errorsPerDay(days, since)]);
  return { days, per_day: perDay, per_rendition: perRendition, errors };
}

/** Folds settled events into the report's rollup. */
export const foldQuality = () => foldPlaybackQuality(SETTLE_SECONDS);

/** Folds now, then every FOLD_EVERY_MS (each instance tries; one folds at a time). Returns the function that stops. */
export function startQualityFold(): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    await foldQuality()
      .catch((error: Error) => console.error(`analytics: playback quality not folded: ${error.message.split("\n")[0]}`))
      .finally(() => (running = false));
  };
  void run();
  const timer = setInterval(run, FOLD_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
