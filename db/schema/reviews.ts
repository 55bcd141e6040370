import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { profileTitle } from "./lists";
import { profiles } from "./profiles";

// A profile's review of a movie or show: 1–5 stars with an optional title and text, one per profile and title. Others
// mark it helpful (one vote per profile); an admin may hide it. Thumbs (ratings) stay the quick signal.
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...profileTitle(),
    stars: smallint("stars").notNull(),
    headline: text("headline"),
    body: text("body"),
    /** Kept equal to the number of review_votes rows (written in the same statement as the vote). */
    helpfulCount: integer("helpful_count").notNull().default(0),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reviews_profile_title_key").on(t.profileId, t.titleId),
    index("reviews_title_newest_idx").on(t.titleId, sql`${t.createdAt} desc`).where(sql`${t.hiddenAt} is null`),
    index("reviews_title_helpful_idx").on(t.titleId, sql`${t.helpfulCount} desc`, sql`${t.createdAt} desc`).where(sql`${t.hiddenAt} is null`),
    check("reviews_stars_check", sql`${t.stars} between 1 and 5`),
  ],
);

export const reviewVotes = pgTable(
  "review_votes",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => profiles.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.profileId] })],
);

export type Review = typeof reviews.$inferSelect;
