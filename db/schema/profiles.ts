import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { episodes, titles } from "./catalog";

// A viewer within an account: names are unique per account, matched exactly (after URL-decoding and trimming).
export const profiles = pgTable(
  "profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kids: boolean("kids").notNull().default(false),
    /** The highest rating this profile may watch (lib/catalog/maturity.ts), as label and level. */
    maturityRating: text("maturity_rating").notNull().default("NC-17"),
    maturityLevel: smallint("maturity_level").notNull().default(4),
    avatar: text("avatar").notNull().default("red"),
    pinHash: text("pin_hash"),
    /** Kids controls (lib/access/kids-controls.ts): the slugs of the genres hidden from the profile. */
    blockedGenres: text("blocked_genres").array().notNull().default(sql`'{}'::text[]`),
    /** Minutes of viewing a day (the account's time zone, else UTC); null: no limit. */
    dailyLimitMinutes: smallint("daily_limit_minutes"),
    /** The profile's language (BCP 47; null: the browser's): picks the audio and subtitles a title starts with. */
    language: text("language"),
    /** The audio language last chosen in the player (BCP 47): the next title starts in it when it has it. */
    audioLanguage: text("audio_language"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("profiles_account_name_key").on(t.accountId, t.name),
    // A kids profile is never rated above PG-13 (KIDS_MAX_RATING in lib/access/rules.ts), whatever writes it.
    check("profiles_kids_rating_check", sql`not ${t.kids} or ${t.maturityLevel} <= 2`),
    check("profiles_daily_limit_check", sql`${t.dailyLimitMinutes} between 1 and 1440`),
  ],
);

export const progressKind = pgEnum("progress_kind", ["movie", "episode"]);

// Where a profile is in one movie or episode. One row per (profile, item); writes carry the client's clock so a late
// request never moves a newer position back.
export const watchProgress = pgTable(
  "watch_progress",
  {
    profileId: uuid("profile_id")
      .notNull()
      .references(() => profiles.id, { onDelete: "cascade" }),
    /** The movie's id, or the episode's. */
    itemId: uuid("item_id").notNull(),
    kind: progressKind("kind").notNull(),
    /** The movie, or the episode's show. */
    titleId: uuid("title_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    episodeId: uuid("episode_id").references(() => episodes.id, { onDelete: "cascade" }),
    positionSeconds: real("position_seconds").notNull(),
    durationSeconds: real("duration_seconds"),
    watched: boolean("watched").notNull().default(false),
    clientUpdatedAt: timestamp("client_updated_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Hidden from continue watching without being marked watched. */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.itemId] }),
    index("watch_progress_recent_idx").on(t.profileId, sql`${t.updatedAt} desc`),
    // Co-watching recommendations look up who else watched a title.
    index("watch_progress_title_idx").on(t.titleId),
  ],
);

export type Profile = typeof profiles.$inferSelect;
export type WatchProgress = typeof watchProgress.$inferSelect;
