import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";

const daysQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30).describe("Days back from today (UTC), 1–366.") });

export const analyticsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/analytics",
  summary: "Viewing and sales: views per day, watch hours, top titles, completion rate, plan mix, rental and purchase revenue",
  description:
    "Recorded as viewers watch. A view is a profile starting a movie or episode (a stream) on a day, restarts that day " +
    "counted once; watch hours count forward playback from progress; completion rate is the share of items watched in " +
    "the range that were finished.",
  tag: "Admin: analytics",
  auth: "admin",
  query: daysQuery,
  response: z.object({
    days: z.number().int(),
    per_day: z.array(z.object({ day: z.string(), views: z.number().int(), hours: z.number(), completions: z.number().int() })),
    totals: z.object({ views: z.number().int(), watch_hours: z.number(), completion_rate: z.number().nullable() }),
    top_titles: z.array(
      z.object({ title_id: z.guid(), title: z.string(), kind: z.enum(["movie", "show"]), views: z.number().int(), viewers: z.number().int(), hours: z.number() }),
    ),
    plan_mix: z.array(z.object({ plan: z.string(), accounts: z.number().int() })),
    sales: z.object({
      currency: z.string(),
      per_day: z.array(
        z.object({ day: z.string(), rentals: z.number().int(), purchases: z.number().int(), rental_cents: z.number().int(), purchase_cents: z.number().int() }),
      ),
      totals: z.object({ rentals: z.number().int(), purchases: z.number().int(), revenue_cents: z.number().int() }),
      top_titles: z
        .array(z.object({ title_id: z.guid(), title: z.string(), kind: z.enum(["movie", "show"]), revenue_cents: z.number().int(), rentals: z.number().int(), purchases: z.number().int() }))
        .describe("Top-earning titles: rental and purchase revenue in the range, refunds excluded."),
    }),
    churn: z
      .object({
        cancellations: z.number().int(),
        by_reason: z.array(z.object({ reason: z.string().nullable().describe("null: none given."), cancellations: z.number().int() })),
        latest_feedback: z.array(
          z.object({ reason: z.string().nullable(), feedback: z.string(), plan: z.string(), at_period_end: z.boolean(), created_at: z.string() }),
        ),
      })
      .describe("Why members leave: cancellations in the range by the reason given, and the latest written feedback (at most 10)."),
  }),
  errors: ["forbidden", "validation_failed"],
});

export const titleAnalyticsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/titles/{title_id}/analytics",
  summary: "One title's viewing: views, unique viewers, watch hours, completion, thumbs, watchlist adds, devices and plans",
  description:
    "Views are stream starts (a profile starting an item on a day, restarts that day counted once); unique viewers are the " +
    "profiles that streamed or watched it in the range; completion is the share of its items (the movie, or each episode) " +
    "watched in the range that were finished; average_rating is the share of thumbs up (all time). Devices are classified " +
    "from the user agent that started each stream; plans are the accounts' plans now.",
  tag: "Admin: analytics",
  auth: "admin",
  params: z.object({ title_id: z.guid() }),
  query: daysQuery,
  response: z.object({
    title_id: z.guid(),
    days: z.number().int(),
    per_day: z.array(z.object({ day: z.string(), views: z.number().int(), viewers: z.number().int(), hours: z.number(), completions: z.number().int() })),
    totals: z.object({
      views: z.number().int(),
      unique_viewers: z.number().int(),
      watch_hours: z.number(),
      completion_rate: z.number().nullable(),
      thumbs_up: z.number().int(),
      thumbs_down: z.number().int(),
      average_rating: z.number().nullable().describe("Thumbs up / all thumbs; null without any."),
      watchlist_adds: z.number().int().describe("Added to a list in the range."),
      on_watchlists: z.number().int(),
    }),
    by_device: z.array(z.object({ device: z.enum(["tv", "mobile", "tablet", "desktop", "other"]), streams: z.number().int() })),
    by_plan: z.array(z.object({ plan: z.string(), streams: z.number().int() })),
  }),
  errors: ["forbidden", "title_not_found", "validation_failed"],
});

const quality = {
  starts: z.number().int().describe("Playbacks that reached their first frame."),
  startup_p50_ms: z.number().int().nullable(),
  startup_p95_ms: z.number().int().nullable(),
  rebuffer_ratio: z.number().nullable().describe("Time stalled over time stalled or playing, 0–1."),
  avg_bitrate: z.number().int().nullable().describe("Bits per second, weighted by time played."),
  played_hours: z.number(),
  errors: z.number().int(),
};

export const playbackQualityEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/analytics/playback",
  summary: "Playback quality: startup time p50/p95, rebuffer ratio, average bitrate and errors, by day and rendition",
  description: "From what players report (POST /api/analytics/events), over whole UTC days ending today.",
  tag: "Admin: analytics",
  auth: "admin",
  query: daysQuery,
  response: z.object({
    days: z.number().int(),
    per_day: z.array(z.object({ day: z.string(), ...quality })),
    per_rendition: z.array(z.object({ rendition: z.string(), ...quality })),
    errors: z.array(z.object({ day: z.string(), rendition: z.string(), code: z.string(), count: z.number().int() })),
  }),
  errors: ["forbidden", "validation_failed"],
});
