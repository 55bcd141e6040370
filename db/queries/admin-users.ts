import "server-only";
import { and, asc, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { db } from "../client";
import { accounts, sessions, subscriptions, type Account } from "../schema";

// Accounts as administrators see them: every account, its plan and its live sessions.

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const liveSession = and(isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`));

const accountColumns = {
  id: accounts.id,
  username: accounts.username,
  email: accounts.email,
  role: accounts.role,
  disabledAt: accounts.disabledAt,
  createdAt: accounts.createdAt,
  plan: subscriptions.plan,
  subscriptionStatus: subscriptions.status,
  liveSessions: sql<number>`(select count(*)::int from ${sessions} where ${sessions.accountId} = ${accounts.id} and ${liveSession})`,
  lastSeenAt: sql<Date | null>`(select max(${sessions.lastSeenAt}) from ${sessions} where ${sessions.accountId} = ${accounts.id})`.mapWith(
    (value) => (value ? new Date(value) : null),
  ),
};

export type AdminAccountRow = Awaited<ReturnType<typeof listAccountsForAdmin>>["rows"][number];

/** One page of accounts whose username or email contains `q`, newest first, with the number of matches. */
export async function listAccountsForAdmin(filter: { q?: string; limit: number; offset: number }) {
  const where = filter.q
    ? sql`(${accounts.username} ilike ${`%${escapeLike(filter.q)}%`} or ${accounts.email} ilike ${`%${escapeLike(filter.q)}%`})`
    : undefined;
  const rows = await db()
    .select({ ...accountColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(accounts)
    .leftJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
    .where(where)
    .orderBy(desc(accounts.createdAt), asc(accounts.id))
    .limit(filter.limit)
    .offset(filter.offset);
  let total = rows[0]?.total;
  if (total === undefined) {
    const [count] = await db().select({ n: sql<number>`count(*)::int` }).from(accounts).where(where);
    total = count.n;
  }
  return { rows, total };
}

export async function findAccountForAdmin(accountId: string) {
  const [row] = await db()
    .select(accountColumns)
    .from(accounts)
    .leftJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
    .where(eq(accounts.id, accountId));
  return row;
}

export async function listAccountSessions(accountId: string) {
  return db()
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), liveSession))
    .orderBy(desc(sessions.lastSeenAt));
}

/**
 * Disables (or re-enables) an account. Disabling revokes every live session in the same transaction, so the account's
 * tokens and site sessions stop working at once. Returns the number of sessions ended, or undefined for no such account.
 */
export async function setAccountDisabled(accountId: string, disabled: boolean): Promise<number | undefined> {
  return db().transaction(async (tx) => {
    const [account] = await tx
      .update(accounts)
      .set({ disabledAt: disabled ? sql`coalesce(${accounts.disabledAt}, now())` : null, updatedAt: sql`now()` })
      .where(eq(accounts.id, accountId))
      .returning({ id: accounts.id });
    if (!account) return undefined;
    if (!disabled) return 0;
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return ended.length;
  });
}

/**
 * Sets an account's role. Taking the role from an admin fails (returns "last_admin") when no other enabled admin would
 * remain; the check and the write share one transaction under an advisory lock, so two revocations cannot race past it.
 */
export async function setAccountRole(
  where: { id: string } | { username: string },
  role: Account["role"],
): Promise<Account | "last_admin" | undefined> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727003)`);
    const match = "id" in where ? eq(accounts.id, where.id) : sql`lower(${accounts.username}) = lower(${where.username})`;
    const [account] = await tx.select().from(accounts).where(match);
    if (!account) return undefined;
    if (role === "viewer" && account.role === "admin") {
      const [other] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.role, "admin"), isNull(accounts.disabledAt), ne(accounts.id, account.id)))
        .limit(1);
      if (!other) return "last_admin";
    }
    const [updated] = await tx
      .update(accounts)
      .set({ role, updatedAt: sql`now()` })
      .where(eq(accounts.id, account.id))
      .returning();
    return updated;
  });
}

export async function listAdmins() {
  return db()
    .select({ username: accounts.username, email: accounts.email, disabledAt: accounts.disabledAt })
    .from(accounts)
    .where(eq(accounts.role, "admin"))
    .orderBy(asc(accounts.username));
}
