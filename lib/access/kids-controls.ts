import "server-only";
import { accountTimeZone, existingGenreSlugs, viewingSeconds } from "@/db/queries/kids-controls";
import { ApiError } from "@/lib/api/errors";
import type { Viewer } from "./rules";

// Kids controls, set per profile by the account holder: genres the profile never sees (they leave every list through
// `visibleTo`, and `canPlay` refuses them), and minutes of viewing a day. The day is the account's own time zone (the
// one its notification settings keep) when it has one, else UTC. Viewing time is the time the profile's streams were
// alive (start to last heartbeat); once the day's minutes are used, a stream does not start and progress writes are
// refused (403 `viewing_limit_reached`) until the next day begins.

export const DAILY_LIMIT_MAX_MINUTES = 1440;

/** The instant the day containing `now` began in `timeZone`. */
export function startOfDay(now: Date, timeZone: string): Date {
  const offset = (at: Date) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
        .formatToParts(at)
        .map((part) => [part.type, Number(part.value)]),
    );
    const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return { local, offset: local - Math.floor(at.getTime() / 1000) * 1000 };
  };
  const { local, offset: nowOffset } = offset(now);
  const day = new Date(local);
  const midnightLocal = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  // The offset at midnight can differ from now's (a DST change during the day): take midnight's own.
  const guess = new Date(midnightLocal - nowOffset);
  return new Date(midnightLocal - offset(guess).offset);
}

const validZone = (zone: string | undefined): zone is string => {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export type ViewingToday = { limitMinutes: number | null; usedSeconds: number; resetsAt: Date; timeZone: string };

/** How much of the day's viewing time the profile has used, and when the next day starts. */
export async function viewingToday(viewer: Viewer, now = new Date()): Promise<ViewingToday> {
  const zone = await accountTimeZone(viewer.principal.accountId);
  const timeZone = validZone(zone) ? zone : "UTC";
  const from = startOfDay(now, timeZone);
  const resetsAt = startOfDay(new Date(from.getTime() + 36 * 3600_000), timeZone);
  const limitMinutes = viewer.profile.dailyLimitMinutes;
  const usedSeconds = limitMinutes === null ? 0 : await viewingSeconds(viewer.profile.id, from, now);
  return { limitMinutes, usedSeconds, resetsAt, timeZone };
}

/** Refuses (403 `viewing_limit_reached`) once the profile has used its minutes for the day. */
export async function assertViewingTimeLeft(viewer: Viewer, now = new Date()): Promise<void> {
  if (viewer.profile.dailyLimitMinutes === null) return;
  const today = await viewingToday(viewer, now);
  if (today.limitMinutes === null || today.usedSeconds < today.limitMinutes * 60) return;
  throw new ApiError(
    "viewing_limit_reached",
    `That's all the watching for today: ${viewer.profile.name} has used today's ${minutesText(today.limitMinutes)}. Come back tomorrow!`,
    { daily_limit_minutes: today.limitMinutes, used_minutes: Math.floor(today.usedSeconds / 60), resets_at: today.resetsAt.toISOString(), time_zone: today.timeZone },
  );
}

const minutesText = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}` : `${minutes} minutes`);

/** The blocked genres a change asks for, each a known genre (else 422), without repeats. */
export async function checkedBlockedGenres(slugs: readonly string[]): Promise<string[]> {
  const unique = [...new Set(slugs)];
  const known = new Set(await existingGenreSlugs(unique));
  const unknown = unique.filter((slug) => !known.has(slug));
  if (unknown.length) {
    const message = `Unknown genre${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")} (see GET /api/genres).`;
    throw new ApiError("validation_failed", message, [{ field: "body.blocked_genres", message }]);
  }
  return unique.sort();
}
