import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "../client";
import { accounts, emailVerifications } from "../schema";

/**
 * Stores a verification token's hash for the account's current address, unless one was stored less than
 * `minIntervalSeconds` ago (false then); expired tokens of every account go on the way. Undefined when the account
 * is gone or its address is already confirmed.
 */
export async function insertEmailVerification(
  values: { accountId: string; tokenHash: string; expiresAt: Date },
  minIntervalSeconds: number,
): Promise<{ email: string; username: string } | undefined | false> {
  return db().transaction(async (tx) => {
    await tx.delete(emailVerifications).where(lt(emailVerifications.expiresAt, sql`now()`));
    // Serialises concurrent requests for one account, so the interval holds under a burst too.
    const [account] = await tx
      .select({ email: accounts.email, username: accounts.username, verifiedAt: accounts.emailVerifiedAt })
      .from(accounts)
      .where(eq(accounts.id, values.accountId))
      .for("update");
    if (!account || account.verifiedAt) return undefined;
    const [recent] = await tx
      .select({ createdAt: emailVerifications.createdAt })
      .from(emailVerifications)
      .where(and(eq(emailVerifications.accountId, values.accountId), gt(emailVerifications.createdAt, sql`now() - make_interval(secs => ${minIntervalSeconds})`)))
      .limit(1);
    if (recent) return false;
    await tx.insert(emailVerifications).values({ ...values, email: account.email });
    return { email: account.email, username: account.username };
  });
}

/**
 * Spends a live token: marks the account's address confirmed when it is still the address the token was sent to, and
 * drops the account's other tokens. The confirmed address, or undefined (unknown, used or expired token; the address
 * changed since).
 */
export async function redeemEmailVerification(tokenHash: string): Promise<{ accountId: string; email: string } | undefined> {
  return db().transaction(async (tx) => {
    const [token] = await tx
      .delete(emailVerifications)
      .where(and(eq(emailVerifications.tokenHash, tokenHash), gt(emailVerifications.expiresAt, sql`now()`)))
      .returning({ accountId: emailVerifications.accountId, email: emailVerifications.email });
    if (!token) return undefined;
    const [account] = await tx
      .update(accounts)
      .set({ emailVerifiedAt: sql`coalesce(${accounts.emailVerifiedAt}, now())` })
      .where(and(eq(accounts.id, token.accountId), sql`lower(${accounts.email}) = lower(${token.email})`))
      .returning({ id: accounts.id, email: accounts.email });
    if (!account) return undefined;
    await tx.delete(emailVerifications).where(eq(emailVerifications.accountId, account.id));
    return { accountId: account.id, email: account.email };
  });
}
