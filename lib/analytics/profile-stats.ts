import "server-only";
import { foldViewing } from "@/db/queries/admin-analytics";
import { minutesPerDay, minutesPerGenre, minutesPerHour, mostWatched, totals, type StatsRange } from "@/db/queries/profile-stats";
import type { Viewer } from "@/lib/access/rules";
import { artworkUrl } from "@/lib/catalog/catalog";

// A profile's viewing activity (GET /api/profiles/{name}/stats and /account/activity): watch time per day and by hour
// of the day in the viewer's time zone, favourite genres, the titles watched most and how much was finished.

export const STATS_TIMEFRAMES = { week: 7, month: 30, year: 365 } as const;
export type StatsTimeframe = keyof typeof STATS_TIMEFRAMES;

const minutes = (seconds: number) => Math.round(seconds / 6) / 10;

export async function profileStats(viewer: Viewer, timeframe: StatsTimeframe, timeZone: string) {
  // The profile's own progress since the last periodic fold, so what was just watched counts.
  await foldViewing(viewer.profile.id);
  const range: StatsRange = { profileId: viewer.profile.id, days: STATS_TIMEFRAMES[timeframe], timeZone };
  const [days, hours, genres, titles, total] = await Promise.all([
    minutesPerDay(range),
    minutesPerHour(range),
    minutesPerGenre(range, 10),
    mostWatched(range, viewer.profile, 10),
    totals(range),
  ]);
  return {
    profile: viewer.profile.name,
    timeframe,
    time_zone: timeZone,
    from: days[0].date,
    to: days[days.length - 1].date,
    watch_minutes: minutes(total.seconds),
    titles_watched: total.titles,
    items_started: total.items,
    items_completed: total.completed,
    completion_rate: total.items ? Math.round((total.completed / total.items) * 1000) / 1000 : null,
    days_active: days.filter((day) => day.minutes > 0).length,
    per_day: days,
    by_hour: hours,
    by_genre: genres,
    top_titles: titles.map(({ poster_path, ...title }) => ({ ...title, poster_url: artworkUrl(poster_path) })),
  };
}
