import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Every server-sent event any feed pushes (lib/realtime/): the id is the SSE event id a reconnecting client resumes
// from, so the table is both the replay log and the way large payloads travel (NOTIFY carries only a reference).
// Rows are written by realtime_publish() (migration 0015), which serializes publishers so ids commit in order.
export const realtimeEvents = pgTable(
  "realtime_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    topic: text("topic").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("realtime_events_topic_id_idx").on(t.topic, t.id), index("realtime_events_created_at_idx").on(t.createdAt)],
);

export type RealtimeEventRow = typeof realtimeEvents.$inferSelect;
