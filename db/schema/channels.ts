import { sql } from "drizzle-orm";
import { check, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { episodes, titles } from "./catalog";
import { progressKind } from "./profiles";

export const channelKind = pgEnum("channel_kind", ["linear", "live"]);

// A TV channel. A linear one plays its schedule of catalog movies and episodes in a loop that started at
// `schedule_starts_at`; its live playlists are computed from that loop and the clock (lib/channels/live-playlist.ts),
// never encoded. A live one plays an ingested feed.
export const channels = pgTable(
  "channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    kind: channelKind("kind").notNull().default("linear"),
    /** An image URL (absolute, or a path on this site) shown in the guide. */
    logoUrl: text("logo_url"),
    /** When the schedule's first loop began: saving a schedule restarts it. */
    scheduleStartsAt: timestamp("schedule_starts_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("channels_number_key").on(t.number), check("channels_number_positive", sql`${t.number} between 1 and 9999`)],
);

// One programme of a channel's loop, in order: a movie (title_id) or an episode (title_id is its show).
export const channelItems = pgTable(
  "channel_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: progressKind("kind").notNull(),
    titleId: uuid("title_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    episodeId: uuid("episode_id").references(() => episodes.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("channel_items_position_key").on(t.channelId, t.position),
    check("channel_items_episode_kind", sql`(${t.kind} = 'episode') = (${t.episodeId} is not null)`),
  ],
);

export type Channel = typeof channels.$inferSelect;
export type ChannelItem = typeof channelItems.$inferSelect;
