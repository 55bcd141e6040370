import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "../client";
import { accounts, recoveryCodes } from "../schema";

/** Stores a new, not yet enabled TOTP secret (set-up started again replaces it); false when 2FA is already on. */
export async function setPendingTotpSecret(accountId: string, secret: string): Promise<boolean> {
  const rows = await db()
    .update(accounts)
    .set({ totpSecret: secret, totpLastStep: null, updatedAt: sql`now()` })
    .where(and(eq(accounts.id, accountId), isNull(accounts.totpEnabledAt)))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/**
 * Accepts a TOTP time step for the account unless that step or a later one was accepted already (a replayed code),
 * in one statement, so two concurrent uses of one code cannot both pass.
 */
export async function acceptTotpStep(accountId: string, step: number): Promise<boolean> {
  const rows = await db()
    .update(accounts)
    .set({ totpLastStep: step })
    .where(and(eq(accounts.id, accountId), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/** Turns 2FA on with its recovery codes (replacing any old ones), in one transaction; false when it was on already. */
export async function enableTotp(accountId: string, codeHashes: string[]): Promise<boolean> {
  return db().transaction(async (tx) => {
    const rows = await tx
      .update(accounts)
      .set({ totpEnabledAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(accounts.id, accountId), isNull(accounts.totpEnabledAt), isNotNull(accounts.totpSecret)))
      .returning({ id: accounts.id });
    if (rows.length === 0) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
    await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ codeHash, accountId })));
    return true;
  });
}

export async function disableTotp(accountId: string): Promise<void> {
  await db().transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: sql`now()` })
      .where(eq(accounts.id, accountId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  });
}

/** Marks an unused recovery code of the account used; false when it is unknown or was used before. */
export async function redeemRecoveryCode(accountId: string, codeHash: string): Promise<boolean> {
  const rows = await db()
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.codeHash, codeHash), eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)))
    .returning({ codeHash: recoveryCodes.codeHash });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(accountId: string): Promise<number> {
  const [row] = await db()
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return row.count;
}
