import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { timeZone } from "@/lib/api/query-schemas";
import { STATS_TIMEFRAMES, type StatsTimeframe } from "@/lib/analytics/profile-stats";
import { profileName } from "./schema";

const minutes = z.number().describe("Minutes watched (one decimal).");

export const profileStatsEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/stats",
  summary: "A profile's viewing activity",
  description:
    "Watch time per day and by hour of the day (in `time_zone`, default UTC), favourite genres, the titles watched most " +
    "and how much of what was started in the range was finished. The range is the last 7, 30 or 365 local days, today " +
    "included; what the profile watched a few seconds ago counts.",
  tag: "Profiles",
  auth: "required",
  profile: "required",
  params: z.object({ name: profileName }),
  query: z.object({
    timeframe: z
      .enum(Object.keys(STATS_TIMEFRAMES) as [StatsTimeframe, ...StatsTimeframe[]])
      .default("week")
      .describe("week (7 days, default), month (30) or year (365)."),
    time_zone: timeZone.default("UTC").describe("IANA time zone for days and hours (default UTC)."),
  }),
  response: z.object({
    profile: z.string(),
    timeframe: z.enum(["week", "month", "year"]),
    time_zone: z.string(),
    from: z.string().describe("First day of the range (YYYY-MM-DD, local)."),
    to: z.string().describe("Today (local)."),
    watch_minutes: minutes,
    titles_watched: z.number().int(),
    items_started: z.number().int().describe("Movies and episodes watched in the range."),
    items_completed: z.number().int().describe("Of those, the ones finished."),
    completion_rate: z.number().nullable().describe("items_completed / items_started; null when nothing was watched."),
    days_active: z.number().int(),
    per_day: z.array(z.object({ date: z.string(), minutes })),
    by_hour: z.array(z.object({ hour: z.number().int().min(0).max(23), minutes })),
    by_genre: z.array(z.object({ slug: z.string(), name: z.string(), minutes })),
    top_titles: z.array(z.object({ title_id: z.guid(), type: z.enum(["movie", "show"]), title: z.string(), poster_url: z.string().nullable(), minutes })),
  }),
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});
