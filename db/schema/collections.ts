import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { titles } from "./catalog";

// What admins curate for the home page (lib/catalog/collections.ts): collections shown as rows, and the featured
// titles of the hero carousel. Viewers see only the titles visible to their profile (lib/access/visibility.ts).

/** A curated row ("Documentaries", "Award winners"): its own page at /collections/<slug> once published. */
export const collections = pgTable(
  "collections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    /** Where it sits among the home page's rows: how many of the other rows come before it (0: first). */
    position: integer("position").notNull().default(0),
    published: boolean("published").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("collections_slug_key").on(t.slug),
    check("collections_position_range", sql`${t.position} between 0 and 1000`),
  ],
);

/** A collection's titles (movies and shows), in order. */
export const collectionItems = pgTable(
  "collection_items",
  {
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    titleId: uuid("title_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.titleId] }),
    uniqueIndex("collection_items_position_key").on(t.collectionId, t.position),
    index("collection_items_title_idx").on(t.titleId),
  ],
);

/** The titles of the home page's hero carousel, in order. */
export const featuredTitles = pgTable(
  "featured_titles",
  {
    titleId: uuid("title_id")
      .primaryKey()
      .references(() => titles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("featured_titles_position_idx").on(t.position)],
);

export type Collection = typeof collections.$inferSelect;
