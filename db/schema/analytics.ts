import { integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Client playback events (POST /api/analytics/events). Created by hand-written SQL (migration 0017) as a table
// partitioned by month of occurred_at, which drizzle-kit cannot express, so this file is not in the schema index:
// it only types the queries. No foreign keys: ingest stays one cheap INSERT, and old months are dropped whole.
export const playbackEvents = pgTable("playback_events", {
  occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  accountId: uuid("account_id").notNull(),
  profileId: uuid("profile_id"),
  streamId: uuid("stream_id"),
  titleId: uuid("title_id"),
  itemId: uuid("item_id"),
  type: text("type").notNull(),
  rendition: text("rendition"),
  bitrate: integer("bitrate"),
  positionSeconds: real("position_seconds"),
  /** startup: time to first frame; rebuffer_end: the stall; heartbeat: time played since the last one. */
  durationMs: integer("duration_ms"),
  errorCode: text("error_code"),
  data: jsonb("data").notNull().default({}),
});

export type NewPlaybackEvent = typeof playbackEvents.$inferInsert;
