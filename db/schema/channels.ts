import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgEnum, pgTable, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { episodes, titles } from "./catalog";
import type { Rendition } from "./media";
import { progressKind } from "./profiles";

export const channelKind = pgEnum("channel_kind", ["linear", "live"]);

// A TV channel. A linear one plays its schedule of catalog movies and episodes in a loop that started at
// `schedule_starts_at`; its live playlists are computed from that loop and the clock (lib/channels/live-playlist.ts),
// never encoded. A live one plays an ingested feed (lib/channels/ingest/): an RTMP push on its own port with its secret
// stream key, or a pull of `source_url`.
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
    /** Live: the secret an encoder publishes with (rtmp://host:<rtmp_port>/live/<stream_key>); rotating it ends a running push. */
    streamKey: text("stream_key"),
    /** Live: the TCP port the channel's ffmpeg listens on for the push (ffmpeg's listen mode takes one publisher per port). */
    rtmpPort: integer("rtmp_port"),
    /** Live: a feed to pull instead of listening for a push (rtmp://, rtmps://, srt://, udp://, http(s):// live HLS). */
    sourceUrl: text("source_url"),
    /**
     * The rating an admin gave the channel (lib/catalog/maturity.ts), as label and level; null: unrated. A live channel
     * has no titles to judge it by, so unrated it counts as the highest rating (lib/access/visibility.ts).
     */
    maturityRating: text("maturity_rating"),
    maturityLevel: smallint("maturity_level"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("channels_number_key").on(t.number),
    uniqueIndex("channels_rtmp_port_key").on(t.rtmpPort),
    uniqueIndex("channels_stream_key_key").on(t.streamKey),
    check("channels_number_positive", sql`${t.number} between 1 and 9999`),
    check("channels_rtmp_port_range", sql`${t.rtmpPort} between 1 and 65535`),
    check("channels_maturity_rated", sql`(${t.maturityRating} is null) = (${t.maturityLevel} is null)`),
  ],
);

export const ingestState = pgEnum("ingest_state", ["off_air", "on_air"]);

/**
 * A live channel's ingest as it runs: which worker holds it (a lease renewed by heartbeats, so one instance runs a
 * channel at a time and a dead one's channel is taken over), whether a feed is on air, and what ffmpeg says of it.
 */
export const channelIngests = pgTable("channel_ingests", {
  channelId: uuid("channel_id")
    .primaryKey()
    .references(() => channels.id, { onDelete: "cascade" }),
  workerId: text("worker_id"),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  state: ingestState("state").notNull().default("off_air"),
  /** When the state last changed. */
  since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
  width: integer("width"),
  height: integer("height"),
  fps: real("fps"),
  bitrateKbps: integer("bitrate_kbps"),
  videoCodec: text("video_codec"),
  audioCodec: text("audio_codec"),
  /** The live ladder being written under MEDIA_DIR/live/<channel>/ (its master is rendered from these). */
  renditions: jsonb("renditions").$type<Rendition[]>().notNull().default([]),
  /** Why the last feed ended or could not start (refused key, unreachable source, ffmpeg's error line). */
  lastError: text("last_error"),
  /** Pushes refused since the channel first ran: a wrong stream key, or an address throttled for sending wrong ones. */
  refusedPushes: integer("refused_pushes").notNull().default(0),
  lastRefusedAt: timestamp("last_refused_at", { withTimezone: true }),
  lastRefusedAddress: text("last_refused_address"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

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
export type ChannelIngest = typeof channelIngests.$inferSelect;
