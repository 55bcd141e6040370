import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { mediaAssets } from "./media";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// Title words weigh most; synopses are stemmed English. Kept by PostgreSQL itself (a generated column).
const searchVector = (titleColumn: string, textColumn: string) =>
  tsvector("search_vector").generatedAlwaysAs(
    sql.raw(
      `setweight(to_tsvector('simple', coalesce("${titleColumn}", '')), 'A') || ` +
        `setweight(to_tsvector('english', coalesce("${textColumn}", '')), 'C')`,
    ),
  );

export const genres = pgTable("genres", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
});

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    bio: text("bio"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("people_name_trgm_idx").using("gist", sql`${t.name} gist_trgm_ops(siglen=256)`)],
);

export const titleKind = pgEnum("title_kind", ["movie", "show"]);

/**
 * Who may play a title (lib/access/rules.ts): `subscription` any plan; `rent_or_buy` only a rental or a purchase;
 * `premium_early_access` the premium plan, or a rental or a purchase; `free` anyone signed in, even without a plan.
 */
export const TITLE_ACCESS = ["subscription", "rent_or_buy", "premium_early_access", "free"] as const;
export const titleAccess = pgEnum("title_access", TITLE_ACCESS);

// Movies and shows share one table: search, genres, credits, trending and lists treat them alike.
export const titles = pgTable(
  "titles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: titleKind("kind").notNull(),
    title: text("title").notNull(),
    synopsis: text("synopsis").notNull().default(""),
    year: integer("year").notNull(),
    /** The label shown to people: "PG-13", "TV-MA"… */
    maturityRating: text("maturity_rating").notNull(),
    /** Its place on the one ordered scale (lib/catalog/maturity.ts), for filtering. */
    maturityLevel: smallint("maturity_level").notNull(),
    /** Movies only; a show's episodes carry their own. */
    runtimeSeconds: integer("runtime_seconds"),
    posterPath: text("poster_path"),
    backdropPath: text("backdrop_path"),
    /** A movie's video. */
    mediaAssetId: uuid("media_asset_id").references(() => mediaAssets.id, { onDelete: "set null" }),
    published: boolean("published").notNull().default(true),
    access: titleAccess("access").notNull().default("subscription"),
    /** BCP 47 (lib/catalog/languages.ts): the language it was made in, and the languages it can be heard in. */
    originalLanguage: text("original_language").notNull().default("en"),
    audioLanguages: text("audio_languages").array().notNull().default(sql`'{en}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: searchVector("title", "synopsis"),
  },
  (t) => [
    index("titles_search_idx").using("gin", t.searchVector),
    // GiST, not GIN: it returns the titles nearest to a query in order (KNN), so ranking never scans every match;
    // a 256-byte signature (default 12) makes that walk several times more selective.
    index("titles_title_trgm_idx").using("gist", sql`${t.title} gist_trgm_ops(siglen=256)`),
    // Titles that start with what was typed, in a range of this index (`lower(title) like 'star wa%'`).
    index("titles_title_prefix_idx").using("btree", sql`lower(${t.title}) text_pattern_ops`),
    index("titles_kind_created_idx").on(t.kind, t.createdAt),
    // The "Rent or buy" row lists the few titles that are not plain subscription titles.
    index("titles_access_idx").on(t.access).where(sql`${t.access} <> 'subscription'`),
    // `?language=` finds titles heard in a language.
    index("titles_audio_languages_idx").using("gin", t.audioLanguages),
  ],
);

// Every word of a title, once (lower case, letters and digits, at least one letter): the dictionary a misspelt query
// word is corrected against, small enough that its trigram index answers at once. Kept by triggers on titles (migration
// 0039); words of deleted or renamed titles stay, which only costs a correction that matches nothing.
export const searchWords = pgTable(
  "search_words",
  { word: text("word").primaryKey() },
  (t) => [
    // `word ^@ 'crim'`: is the query word the start of some title word (typed so far)?
    index("search_words_prefix_idx").using("spgist", t.word),
    // The nearest words to a misspelt one.
    index("search_words_trgm_idx").using("gist", sql`${t.word} gist_trgm_ops`),
  ],
);

export const titleGenres = pgTable(
  "title_genres",
  {
    titleId: uuid("title_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    genreId: uuid("genre_id")
      .notNull()
      .references(() => genres.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.genreId] }), index("title_genres_genre_idx").on(t.genreId)],
);

export const creditRole = pgEnum("credit_role", ["cast", "director", "creator"]);

export const credits = pgTable(
  "credits",
  {
    titleId: uuid("title_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: creditRole("role").notNull(),
    character: text("character"),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.titleId, t.personId, t.role] }), index("credits_person_idx").on(t.personId)],
);

export const seasons = pgTable(
  "seasons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    showId: uuid("show_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    synopsis: text("synopsis").notNull().default(""),
    year: integer("year"),
  },
  (t) => [uniqueIndex("seasons_show_number_key").on(t.showId, t.number)],
);

export const episodes = pgTable(
  "episodes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    showId: uuid("show_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    seasonId: uuid("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    seasonNumber: integer("season_number").notNull(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    synopsis: text("synopsis").notNull().default(""),
    runtimeSeconds: integer("runtime_seconds"),
    stillPath: text("still_path"),
    mediaAssetId: uuid("media_asset_id").references(() => mediaAssets.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: searchVector("title", "synopsis"),
  },
  (t) => [
    uniqueIndex("episodes_show_season_number_key").on(t.showId, t.seasonNumber, t.number),
    index("episodes_search_idx").using("gin", t.searchVector),
    index("episodes_title_trgm_idx").using("gist", sql`${t.title} gist_trgm_ops(siglen=256)`),
  ],
);

export type Genre = typeof genres.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Title = typeof titles.$inferSelect;
export type TitleAccess = (typeof TITLE_ACCESS)[number];
export type Season = typeof seasons.$inferSelect;
export type Episode = typeof episodes.$inferSelect;
