import "server-only";
import { errorsPerDay, qualityPerDay, qualityPerRendition } from "@/db/queries/playback-quality";
import type { Principal } from "@/lib/accounts/sessions";
import { requireAdmin } from "@/lib/admin/guard";

/** Startup time, stalls, bitrate and errors by day and by rendition, from what players reported. */
export async function playbackQuality(principal: Principal | undefined, days: number) {
  requireAdmin(principal);
  const [perDay, perRendition, errors] = await Promise.all([qualityPerDay(days), qualityPerRendition(days), errorsPerDay(days)]);
  return { days, per_day: perDay, per_rendition: perRendition, errors };
}
