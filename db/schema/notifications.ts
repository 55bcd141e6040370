import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { profiles } from "./profiles";

// Notifications (lib/notifications/): written by the event that causes them, inside its transaction. The dedupe key
// names the event and the recipient, so a retried transaction or a replayed webhook writes nothing a second time.

export const notificationType = pgEnum("notification_type", [
  "new_episode",
  "title_available",
  "payment_failed",
  "new_device",
  "rental_expiring",
  "party_invite",
]);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The profile it concerns; null for the account as a whole (payments, sign-ins). */
    profileId: uuid("profile_id").references(() => profiles.id, { onDelete: "cascade" }),
    type: notificationType("type").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** The site page it is about. */
    url: text("url").notNull(),
    data: jsonb("data").notNull().default({}),
    dedupeKey: text("dedupe_key").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_account_created_idx").on(t.accountId, sql`${t.createdAt} desc`),
    index("notifications_unread_idx").on(t.accountId).where(sql`${t.readAt} is null`),
  ],
);

// Per account: which types reach the site and which the inbox, and quiet hours during which mail waits.
export const notificationSettings = pgTable("notification_settings", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  /** `{ [type]: { in_site?, email? } }`; a type or channel not named keeps its default (lib/notifications/types.ts). */
  channels: jsonb("channels").notNull().default({}),
  /** Minutes after local midnight; both null: no quiet hours. */
  quietStart: smallint("quiet_start"),
  quietEnd: smallint("quiet_end"),
  timeZone: text("time_zone").notNull().default("UTC"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const notificationEmailStatus = pgEnum("notification_email_status", ["pending", "sending", "sent", "failed"]);

// The notification mail queue: one row per message, claimed with FOR UPDATE SKIP LOCKED by any instance. A message
// is marked `sending` before it goes out and never taken again after that, so it is sent at most once.
export const notificationEmails = pgTable(
  "notification_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    dedupeKey: text("dedupe_key").notNull().unique(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** Not before this: the end of the recipient's quiet hours, or a retry's back-off. */
    sendAfter: timestamp("send_after", { withTimezone: true }).notNull().defaultNow(),
    status: notificationEmailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notification_emails_due_idx").on(t.sendAfter).where(sql`${t.status} = 'pending'`)],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationSettings = typeof notificationSettings.$inferSelect;
export type NotificationEmail = typeof notificationEmails.$inferSelect;
