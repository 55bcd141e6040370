import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "../client";
import { accounts, refreshTokens, sessions, type Session } from "../schema";
import { notIdle } from "./sessions";

export async function insertRefreshToken(values: typeof refreshTokens.$inferInsert): Promise<void> {
  await db().insert(refreshTokens).values(values);
}

export type Rotation =
  | { outcome: "rotated"; session: Session }
  /** The token was spent already: its session (the family) has now been revoked. */
  | { outcome: "reused"; accountId: string; sessionId: string }
  | { outcome: "invalid" };

/**
 * Redeems a refresh token in one transaction: the token is spent, its session gets `next.tokenHash` as its bearer
 * token and `next.expiresAt`, and `next.refreshTokenHash` becomes the family's next refresh token. A spent token
 * revokes its session instead. Unknown, expired, idle, revoked or disabled: "invalid". Concurrent redemptions of one
 * token are serialised by its row lock, so exactly one of them rotates and the others count as reuse.
 */
export async function rotateRefreshToken(
  tokenHash: string,
  next: { tokenHash: string; expiresAt: Date; refreshTokenHash: string; refreshExpiresAt: Date },
  webIdleSeconds: number,
): Promise<Rotation> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({
        sessionId: refreshTokens.sessionId,
        accountId: refreshTokens.accountId,
        spentAt: refreshTokens.spentAt,
        expired: sql<boolean>`${refreshTokens.expiresAt} <= now()`,
      })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .for("update");
    if (!row) return { outcome: "invalid" };
    if (row.spentAt) {
      await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.id, row.sessionId), isNull(sessions.revokedAt)));
      await tx.update(refreshTokens).set({ spentAt: sql`coalesce(${refreshTokens.spentAt}, now())` }).where(eq(refreshTokens.sessionId, row.sessionId));
      return { outcome: "reused", accountId: row.accountId, sessionId: row.sessionId };
    }
    if (row.expired) return { outcome: "invalid" };
    const [live] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(and(eq(sessions.id, row.sessionId), isNull(sessions.revokedAt), isNull(accounts.disabledAt), notIdle(webIdleSeconds)));
    if (!live) return { outcome: "invalid" };
    await tx.update(refreshTokens).set({ spentAt: sql`now()` }).where(eq(refreshTokens.tokenHash, tokenHash));
    const [session] = await tx
      .update(sessions)
      .set({ tokenHash: next.tokenHash, expiresAt: next.expiresAt, lastSeenAt: sql`now()` })
      .where(eq(sessions.id, row.sessionId))
      .returning();
    await tx.insert(refreshTokens).values({
      tokenHash: next.refreshTokenHash,
      sessionId: row.sessionId,
      accountId: row.accountId,
      expiresAt: next.refreshExpiresAt,
    });
    return { outcome: "rotated", session };
  });
}
