import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, pgEnum, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { progressKind } from "./profiles";

export const uploadStatus = pgEnum("upload_status", ["receiving", "complete", "failed"]);

// Resumable video uploads (the tus protocol). The bytes go to MEDIA_DIR/uploads/<id>.part; the file's size is the
// authoritative offset. A PATCH holds a short lease, renewed while it streams, so two requests never write at once.
export const uploads = pgTable(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    filename: text("filename").notNull(),
    contentType: text("content_type"),
    length: bigint("length", { mode: "number" }).notNull(),
    receivedBytes: bigint("received_bytes", { mode: "number" }).notNull().default(0),
    status: uploadStatus("status").notNull().default("receiving"),
    /** Where the finished video goes: a movie (title) or an episode, when the uploader said so. */
    titleId: uuid("title_id"),
    episodeId: uuid("episode_id"),
    assetId: uuid("asset_id"),
    jobId: uuid("job_id"),
    error: text("error"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("uploads_stale_idx").on(t.updatedAt).where(sql`${t.status} = 'receiving'`)],
);

// Viewing, one row per profile, item and day, folded in from watch_progress by lib/admin/analytics.ts (never on the
// player's progress path): how far the position moved that day, and whether the item was finished.
export const viewingDays = pgTable(
  "viewing_days",
  {
    day: date("day", { mode: "string" }).notNull(),
    profileId: uuid("profile_id").notNull(),
    itemId: uuid("item_id").notNull(),
    kind: progressKind("kind").notNull(),
    titleId: uuid("title_id").notNull(),
    accountId: uuid("account_id").notNull(),
    secondsWatched: real("seconds_watched").notNull().default(0),
    completed: boolean("completed").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.day, t.profileId, t.itemId] }), index("viewing_days_title_idx").on(t.titleId, t.day)],
);

// Viewing per profile, title and hour (UTC hour start), folded with viewing_days: a profile's activity by day and by
// hour of the day in the viewer's own time zone (GET /api/profiles/{name}/stats).
export const viewingHours = pgTable(
  "viewing_hours",
  {
    profileId: uuid("profile_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    titleId: uuid("title_id").notNull(),
    accountId: uuid("account_id").notNull(),
    secondsWatched: real("seconds_watched").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.hour, t.titleId] }), index("viewing_hours_account_idx").on(t.accountId)],
);

// The last position seen for each (profile, item), so the next fold counts only what was watched since.
export const viewingPositions = pgTable(
  "viewing_positions",
  {
    profileId: uuid("profile_id").notNull(),
    itemId: uuid("item_id").notNull(),
    positionSeconds: real("position_seconds").notNull(),
    watched: boolean("watched").notNull(),
    seenUpdatedAt: timestamp("seen_updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.itemId] })],
);

export type Upload = typeof uploads.$inferSelect;
