import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { titles } from "./catalog";

// Trending, kept up to date by the events that make it (lib/catalog/trending.ts explains the scores): a stream start
// and every progress write that adds watch time update the title's one row, in the same statement or transaction.
// Reading the top of a window is an index walk, whatever the number of progress rows or titles.
export const titleTrending = pgTable(
  "title_trending",
  {
    titleId: uuid("title_id")
      .primaryKey()
      .references(() => titles.id, { onDelete: "cascade" }),
    /** Stream starts and seconds watched, all time. */
    starts: integer("starts").notNull().default(0),
    watchSeconds: doublePrecision("watch_seconds").notNull().default(0),
    /**
     * Per window, log2 of Σ weight·2^(hours since the epoch / half-life): adding an event never needs the others, and
     * ordering by it orders by the decayed score at any moment (2^(score − now / half-life)).
     */
    dayScore: doublePrecision("day_score").notNull(),
    weekScore: doublePrecision("week_score").notNull(),
    monthScore: doublePrecision("month_score").notNull(),
    /** The latest event: a title is in a window's list when it was watched within the window. */
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("title_trending_day_idx").on(sql`${t.dayScore} desc`),
    index("title_trending_week_idx").on(sql`${t.weekScore} desc`),
    index("title_trending_month_idx").on(sql`${t.monthScore} desc`),
    // Counting a window's titles reads only those watched within it.
    index("title_trending_last_viewed_idx").on(t.lastViewedAt),
  ],
);

export type TitleTrending = typeof titleTrending.$inferSelect;
