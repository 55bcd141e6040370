import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { db } from "../client";
import { accounts, passwordResets } from "../schema";
import { revokeOtherSessions } from "./sessions";

/**
 * Stores a reset token's hash unless the account got one less than `minIntervalSeconds` ago (false then), and drops
 * every expired token of any account on the way.
 */
export async function insertPasswordReset(
  values: { accountId: string; tokenHash: string; expiresAt: Date },
  minIntervalSeconds: number,
): Promise<boolean> {
  return db().transaction(async (tx) => {
    await tx.delete(passwordResets).where(lt(passwordResets.expiresAt, sql`now()`));
    // Serialises concurrent requests for one account, so the interval holds under a burst too.
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, values.accountId)).for("update");
    const [recent] = await tx
      .select({ createdAt: passwordResets.createdAt })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.accountId, values.accountId),
          gt(passwordResets.createdAt, sql`now() - make_interval(secs => ${minIntervalSeconds})`),
        ),
      )
      .limit(1);
    if (recent) return false;
    await tx.insert(passwordResets).values(values);
    return true;
  });
}

/** Whether a reset token is stored and unexpired (its account may still turn out to be disabled). */
export async function isPasswordResetLive(tokenHash: string): Promise<boolean> {
  const [row] = await db()
    .select({ accountId: passwordResets.accountId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash), gt(passwordResets.expiresAt, sql`now()`)));
  return row !== undefined;
}

/**
 * Redeems a live reset token of an enabled account in one transaction: sets the password hash, revokes every session
 * and deletes the account's reset tokens. The account and the number of sessions revoked, or undefined when the
 * token is unknown, used, expired, or its account is disabled.
 */
export async function redeemPasswordReset(
  tokenHash: string,
  passwordHash: string,
): Promise<{ accountId: string; username: string; revokedSessions: number } | undefined> {
  return db().transaction(async (tx) => {
    const [reset] = await tx
      .delete(passwordResets)
      .where(and(eq(passwordResets.tokenHash, tokenHash), gt(passwordResets.expiresAt, sql`now()`)))
      .returning({ accountId: passwordResets.accountId });
    if (!reset) return undefined;
    const [account] = await tx
      .update(accounts)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(accounts.id, reset.accountId), isNull(accounts.disabledAt)))
      .returning({ id: accounts.id, username: accounts.username });
    if (!account) return undefined;
    await tx.delete(passwordResets).where(eq(passwordResets.accountId, account.id));
    const revokedSessions = await revokeOtherSessions(account.id, undefined, tx);
    return { accountId: account.id, username: account.username, revokedSessions };
  });
}
