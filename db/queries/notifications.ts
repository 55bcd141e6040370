import "server-only";
import { and, desc, eq, getTableColumns, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { db, type Database, type Transaction } from "../client";
import {
  accounts,
  notificationEmails,
  notifications,
  notificationSettings,
  profiles,
  titles,
  watchlist,
  watchProgress,
  type Notification,
  type NotificationSettings,
} from "../schema";

// Notifications, their settings and their mail queue (lib/notifications/).

type Executor = Database | Transaction;
export type NotificationType = Notification["type"];
export type NewNotification = typeof notifications.$inferInsert;
export type NewNotificationEmail = typeof notificationEmails.$inferInsert;

/** Whose notifications a reader sees: the account's, narrowed to one profile's (plus the account-wide ones unless `kids`). */
export type NotificationScope = { accountId: string; profile?: { id: string; kids: boolean } };

function scoped(scope: NotificationScope): SQL {
  const account = eq(notifications.accountId, scope.accountId);
  if (!scope.profile) return account;
  const own = eq(notifications.profileId, scope.profile.id);
  return and(account, scope.profile.kids ? own : or(own, isNull(notifications.profileId)))!;
}

export async function settingsOf(accountIds: string[], executor: Executor = db()): Promise<NotificationSettings[]> {
  if (!accountIds.length) return [];
  return executor.select().from(notificationSettings).where(inArray(notificationSettings.accountId, accountIds));
}

export async function saveSettings(values: typeof notificationSettings.$inferInsert): Promise<NotificationSettings> {
  const { accountId, ...changes } = values;
  const [row] = await db()
    .insert(notificationSettings)
    .values(values)
    .onConflictDoUpdate({ target: notificationSettings.accountId, set: { ...changes, updatedAt: sql`now()` } })
    .returning();
  return row;
}

/** Inserts the notifications not written before (by dedupe key); returns those it wrote. */
export async function insertNotifications(rows: NewNotification[], executor: Executor): Promise<Notification[]> {
  if (!rows.length) return [];
  return executor.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning();
}

export async function insertNotificationEmails(rows: NewNotificationEmail[], executor: Executor): Promise<void> {
  if (!rows.length) return;
  await executor.insert(notificationEmails).values(rows).onConflictDoNothing({ target: notificationEmails.dedupeKey });
}

export async function listNotifications(
  scope: NotificationScope,
  filter: { unread?: boolean; type?: NotificationType; limit: number; offset: number },
) {
  const where = and(scoped(scope), filter.unread === undefined ? undefined : filter.unread ? isNull(notifications.readAt) : sql`${notifications.readAt} is not null`, filter.type ? eq(notifications.type, filter.type) : undefined);
  const [rows, [count], [unread]] = await Promise.all([
    db()
      .select({ notification: notifications, profileName: profiles.name })
      .from(notifications)
      .leftJoin(profiles, eq(profiles.id, notifications.profileId))
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db().select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
    db().select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(scoped(scope), isNull(notifications.readAt))),
  ]);
  return { rows, total: count.n, unreadCount: unread.n };
}

/** Marks one read (keeping when it first was); returns it with its profile's name. */
export async function markRead(scope: NotificationScope, id: string) {
  const [row] = await db()
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(scoped(scope), eq(notifications.id, id)))
    .returning({
      ...getTableColumns(notifications),
      profileName: sql<string | null>`(select ${profiles.name} from ${profiles} where ${profiles.id} = ${notifications.profileId})`,
    });
  return row;
}

export async function markAllRead(scope: NotificationScope): Promise<number> {
  const rows = await db()
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(scoped(scope), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The languages the accounts' profiles chose (profiles without one are left out): whose mail to write in what. */
export async function profileLanguagesOf(accountIds: string[], executor: Executor): Promise<{ accountId: string; profileId: string; language: string }[]> {
  if (!accountIds.length) return [];
  const rows = await executor
    .select({ accountId: profiles.accountId, profileId: profiles.id, language: profiles.language })
    .from(profiles)
    .where(and(inArray(profiles.accountId, accountIds), isNotNull(profiles.language)));
  return rows.map((row) => ({ ...row, language: row.language! }));
}

export async function profileIdsOf(accountId: string): Promise<string[]> {
  const rows = await db().select({ id: profiles.id }).from(profiles).where(eq(profiles.accountId, accountId));
  return rows.map((row) => row.id);
}

export type Recipient = { accountId: string; profileId: string; profileName: string };

/** Profiles with the show on My List or in continue watching (not hidden), that may see it. */
export async function followersOfShow(showId: string, executor: Executor): Promise<Recipient[]> {
  const following = or(
    sql`exists (select 1 from ${watchlist} where ${watchlist.profileId} = ${profiles.id} and ${watchlist.titleId} = ${showId})`,
    sql`exists (select 1 from ${watchProgress} where ${watchProgress.profileId} = ${profiles.id} and ${watchProgress.titleId} = ${showId} and ${watchProgress.hiddenAt} is null)`,
  );
  return executor
    .select({ accountId: profiles.accountId, profileId: profiles.id, profileName: profiles.name })
    .from(profiles)
    .innerJoin(titles, eq(titles.id, showId))
    .where(and(following, titles.published, lte(titles.maturityLevel, profiles.maturityLevel)));
}

/** Profiles with the title on My List that may see it. */
export async function listersOfTitle(titleId: string, executor: Executor): Promise<Recipient[]> {
  return executor
    .select({ accountId: profiles.accountId, profileId: profiles.id, profileName: profiles.name })
    .from(watchlist)
    .innerJoin(profiles, eq(profiles.id, watchlist.profileId))
    .innerJoin(titles, eq(titles.id, watchlist.titleId))
    .where(and(eq(watchlist.titleId, titleId), lte(titles.maturityLevel, profiles.maturityLevel)));
}

// The mail queue.

export type ClaimedEmail = { id: string; to: string; subject: string; text: string; html: string; attempts: number };

/** Marks up to `limit` due messages `sending` (committed before any goes out) and returns them with their address. */
export async function claimDueEmails(now: Date, limit: number): Promise<ClaimedEmail[]> {
  return db().transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationEmails.id })
      .from(notificationEmails)
      .where(and(eq(notificationEmails.status, "pending"), lte(notificationEmails.sendAfter, now)))
      .orderBy(notificationEmails.sendAfter)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (!due.length) return [];
    const claimed = await tx
      .update(notificationEmails)
      .set({ status: "sending", claimedAt: sql`now()`, attempts: sql`${notificationEmails.attempts} + 1` })
      .where(inArray(notificationEmails.id, due.map((row) => row.id)))
      .returning();
    const addresses = await tx
      .select({ id: accounts.id, email: accounts.email })
      .from(accounts)
      .where(inArray(accounts.id, [...new Set(claimed.map((row) => row.accountId))]));
    const emailOf = new Map(addresses.map((row) => [row.id, row.email]));
    return claimed.map((row) => ({ id: row.id, to: emailOf.get(row.accountId)!, subject: row.subject, text: row.text, html: row.html, attempts: row.attempts }));
  });
}

export async function markEmailSent(id: string): Promise<void> {
  await db().update(notificationEmails).set({ status: "sent", sentAt: sql`now()`, error: null }).where(eq(notificationEmails.id, id));
}

/** A refused send (nothing went out): back to the queue after `retryAt`, or failed for good without one. */
export async function markEmailFailed(id: string, error: string, retryAt: Date | undefined): Promise<void> {
  await db()
    .update(notificationEmails)
    .set(retryAt ? { status: "pending", sendAfter: retryAt, error } : { status: "failed", error })
    .where(eq(notificationEmails.id, id));
}

/**
 * Messages left `sending` by a process that stopped mid-send: whether they went out is unknown, so they are failed,
 * never sent again. Returns how many.
 */
export async function failInterruptedEmails(claimedBefore: Date): Promise<number> {
  const rows = await db()
    .update(notificationEmails)
    .set({ status: "failed", error: "Interrupted while sending; not retried so that it is never sent twice." })
    .where(and(eq(notificationEmails.status, "sending"), lte(notificationEmails.claimedAt, claimedBefore)))
    .returning({ id: notificationEmails.id });
  return rows.length;
}
