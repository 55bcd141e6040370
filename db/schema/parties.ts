import { sql } from "drizzle-orm";
import { bigserial, boolean, check, doublePrecision, index, integer, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { titles } from "./catalog";
import { streams } from "./playback";
import { profiles, progressKind } from "./profiles";

// Watch parties (lib/parties/): rows in the database, so any app instance serves any member. The playback state is
// the server's: `position` at `state_updated_at` (database time), moving on at `rate` while `playing`.
export const parties = pgTable(
  "parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What the invite link carries: 6 characters from an alphabet without look-alikes. Unique among open parties. */
    code: text("code").notNull(),
    hostProfileId: uuid("host_profile_id")
      .notNull()
      .references(() => profiles.id, { onDelete: "cascade" }),
    kind: progressKind("kind").notNull(),
    /** The movie's id, or the episode's. */
    itemId: uuid("item_id").notNull(),
    /** The movie, or the episode's show. */
    titleId: uuid("title_id")
      .notNull()
      .references(() => titles.id, { onDelete: "cascade" }),
    season: integer("season"),
    episode: integer("episode"),
    maxMembers: smallint("max_members").notNull().default(8),
    /** The host's choice: pause everyone while a member rebuffers. */
    waitForEveryone: boolean("wait_for_everyone").notNull().default(false),
    playing: boolean("playing").notNull().default(false),
    position: doublePrecision("position").notNull().default(0),
    rate: real("rate").notNull().default(1),
    /** Paused by the server (not the host) while members rebuffer; playing resumes when none is left. */
    heldForBuffering: boolean("held_for_buffering").notNull().default(false),
    stateUpdatedAt: timestamp("state_updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("parties_open_code_key").on(t.code).where(sql`${t.endedAt} is null`),
    check("parties_max_members_check", sql`${t.maxMembers} between 2 and 50`),
    check("parties_position_check", sql`${t.position} >= 0`),
  ],
);

export const partyMembers = pgTable(
  "party_members",
  {
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => profiles.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The member's own stream on its own account's plan (lib/playback/streams.ts). */
    streamId: uuid("stream_id").references(() => streams.id, { onDelete: "set null" }),
    buffering: boolean("buffering").notNull().default(false),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.profileId] }), index("party_members_profile_idx").on(t.profileId)],
);

export const partyMessages = pgTable(
  "party_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => profiles.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /** The party's video time when it was sent. */
    position: doublePrecision("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("party_messages_party_id_idx").on(t.partyId, t.id)],
);

export type Party = typeof parties.$inferSelect;
export type PartyMember = typeof partyMembers.$inferSelect;
