import { sql } from "drizzle-orm";
import { bigint, date, doublePrecision, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";

// Playback quality folded per UTC day (of occurred_at) and rendition from playback_events (db/queries/playback-quality.ts),
// so the admin report reads a few thousand rows however many events are stored. Only additive measures: counts and
// sums, and startup times as a count per value (to 10 ms), from which percentiles are exact at that resolution.

export const playbackQualityDays = pgTable(
  "playback_quality_days",
  {
    day: date("day").notNull(),
    rendition: text("rendition").notNull(),
    starts: integer("starts").notNull().default(0),
    rebufferMs: bigint("rebuffer_ms", { mode: "number" }).notNull().default(0),
    playedMs: bigint("played_ms", { mode: "number" }).notNull().default(0),
    /** Σ bitrate × heartbeat ms over heartbeats that name a bitrate, and Σ of those ms: the played-time-weighted mean. */
    bitrateMs: doublePrecision("bitrate_ms").notNull().default(0),
    bitrateWeightMs: bigint("bitrate_weight_ms", { mode: "number" }).notNull().default(0),
    errors: integer("errors").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.rendition] })],
);

export const playbackStartupTimes = pgTable(
  "playback_startup_times",
  {
    day: date("day").notNull(),
    rendition: text("rendition").notNull(),
    /** The time to first frame, rounded to 10 ms. */
    durationMs: integer("duration_ms").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.rendition, t.durationMs] })],
);

export const playbackErrorCounts = pgTable(
  "playback_error_counts",
  {
    day: date("day").notNull(),
    rendition: text("rendition").notNull(),
    /** The player's error code ('' when it gave none). */
    code: text("code").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.rendition, t.code] })],
);

/** One row: events received before `folded_until` are in the tables above. */
export const playbackQualityFold = pgTable("playback_quality_fold", {
  id: smallint("id").primaryKey().default(1),
  foldedUntil: timestamp("folded_until", { withTimezone: true }).notNull().default(sql`'-infinity'`),
});
