import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { channels } from "./channels";
import { titles } from "./catalog";
import { mediaAssets } from "./media";
import { profiles, progressKind } from "./profiles";

/** A stream whose progress writes stop for this long has lapsed: its slot is free. */
export const STREAM_LEASE_SECONDS = 120;

// A stream is a lease on one of the plan's concurrent streams: alive while the player's progress writes keep
// `last_seen_at` fresh, ended by DELETE /api/streams/<id> or by STREAM_LEASE_SECONDS of silence.
export const streams = pgTable(
  "streams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => profiles.id, { onDelete: "cascade" }),
    /** The four below are null only for a live (ingested) channel's stream, which plays no catalog item. */
    kind: progressKind("kind"),
    /** The movie's id, or the episode's (as in watch_progress). */
    itemId: uuid("item_id"),
    /** The movie, or the episode's show. */
    titleId: uuid("title_id").references(() => titles.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id").references(() => mediaAssets.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    ip: text("ip"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** A channel's stream: its item and title are the programme on air when it started; its lease is renewed by the live playlist's refreshes. */
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "cascade" }),
  },
  (t) => [
    // Counting an account's live streams, and renewing a profile's lease on an item, only look at open rows.
    index("streams_open_account_idx").on(t.accountId).where(sql`${t.endedAt} is null`),
    index("streams_open_profile_item_idx").on(t.profileId, t.itemId).where(sql`${t.endedAt} is null`),
    // The admin analytics count views as stream starts over the last N days.
    index("streams_started_idx").on(t.startedAt),
    // …and one title's (admin title analytics).
    index("streams_title_started_idx").on(t.titleId, t.startedAt),
    // A profile's viewing time today (kids controls) sums its streams that reach into the day.
    index("streams_profile_seen_idx").on(t.profileId, t.lastSeenAt),
    check(
      "streams_item_or_channel",
      sql`${t.channelId} is not null or (${t.kind} is not null and ${t.itemId} is not null and ${t.titleId} is not null and ${t.assetId} is not null)`,
    ),
  ],
);

export type Stream = typeof streams.$inferSelect;
