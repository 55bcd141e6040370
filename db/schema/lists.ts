import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { titles } from "./catalog";
import { profiles } from "./profiles";

// One row per (profile, title), gone with either.
export const profileTitle = () => ({
  profileId: uuid("profile_id")
    .notNull()
    .references(() => profiles.id, { onDelete: "cascade" }),
  titleId: uuid("title_id")
    .notNull()
    .references(() => titles.id, { onDelete: "cascade" }),
});

// A profile's "My List": movies and shows saved for later, newest first.
export const watchlist = pgTable(
  "watchlist",
  {
    ...profileTitle(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.titleId] }),
    index("watchlist_recent_idx").on(t.profileId, sql`${t.addedAt} desc`),
    // A title's watchlist additions (admin title analytics).
    index("watchlist_title_idx").on(t.titleId, t.addedAt),
  ],
);

export const ratingValue = pgEnum("rating_value", ["up", "down"]);

// Thumbs up or down on a movie or show; a signal for recommendations.
export const ratings = pgTable(
  "ratings",
  {
    ...profileTitle(),
    rating: ratingValue("rating").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.titleId] }), index("ratings_title_idx").on(t.titleId)],
);

export type WatchlistEntry = typeof watchlist.$inferSelect;
export type Rating = typeof ratings.$inferSelect;
