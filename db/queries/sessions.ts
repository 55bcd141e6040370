import "server-only";
import { and, desc, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import { db, listen, type Database, type Transaction } from "../client";
import { accounts, sessions, type Session } from "../schema";

/** Inserts a session and runs `afterInsert` (e.g. a new-device notification) in the same transaction. */
export async function insertSession(values: typeof sessions.$inferInsert, afterInsert?: (tx: Transaction, row: Session) => Promise<unknown>): Promise<Session> {
  return db().transaction(async (tx) => {
    const [row] = await tx.insert(sessions).values(values).returning();
    await afterInsert?.(tx, row);
    return row;
  });
}

/**
 * Web sessions unused for `webIdleSeconds` have ended (API tokens have no idle timeout of their own), and so has any
 * session unused for longer than its account's own auto-logout time.
 */
export const notIdle = (webIdleSeconds: number | undefined) =>
  and(
    webIdleSeconds === undefined
      ? undefined
      : or(ne(sessions.kind, "web"), gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${webIdleSeconds})`)),
    sql`not exists (select 1 from ${accounts} owner where owner.id = ${sessions.accountId}
      and owner.auto_logout_minutes is not null
      and ${sessions.lastSeenAt} <= now() - make_interval(mins => owner.auto_logout_minutes))`,
  );

/**
 * The live session with this token hash, with its account, or undefined when revoked, expired, idle for longer than
 * `webIdleSeconds` (web sessions) or disabled.
 */
export async function findLiveSessionByTokenHash(tokenHash: string, webIdleSeconds?: number) {
  const [row] = await db()
    .select({
      sessionId: sessions.id,
      kind: sessions.kind,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      accountId: accounts.id,
      username: accounts.username,
      role: accounts.role,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        notIdle(webIdleSeconds),
        isNull(accounts.disabledAt),
      ),
    );
  return row;
}

export async function touchSession(sessionId: string): Promise<void> {
  await db().update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

export async function listLiveSessions(accountId: string, webIdleSeconds?: number): Promise<Session[]> {
  return db()
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`), notIdle(webIdleSeconds)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Revokes one of the account's sessions; false when it has no such live session. */
export async function revokeSession(accountId: string, sessionId: string): Promise<boolean> {
  const rows = await db()
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Revokes every live session of the account except `keepSessionId` (when given); inside `executor`'s transaction. */
export async function revokeOtherSessions(accountId: string, keepSessionId?: string, executor: Database | Transaction = db()): Promise<number> {
  const rows = await executor
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.accountId, accountId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

const SESSION_CHANGES = "normflix_session_changes";

/**
 * Calls `onChange` whenever any instance ends a session (`sessionId`) or changes an account's role or disabled state
 * (`sessionId` undefined: all of its sessions), sent by the triggers of migration 0008. `onGap` runs after the
 * listening connection was lost and re-established: changes made meanwhile were not announced.
 */
export function listenForSessionChanges(onChange: (accountId: string, sessionId: string | undefined) => void, onGap: () => void) {
  return listen(SESSION_CHANGES, (payload) => {
    const [accountId, sessionId] = payload.split(":");
    onChange(accountId, sessionId === "*" ? undefined : sessionId);
  }, onGap);
}

export async function findSessionById(sessionId: string): Promise<Session | undefined> {
  const [row] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
  return row;
}
