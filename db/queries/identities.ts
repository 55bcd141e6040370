import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { db } from "../client";
import { accountIdentities, accounts, type AccountIdentity } from "../schema";

export async function findIdentity(provider: string, subject: string): Promise<AccountIdentity | undefined> {
  const [row] = await db()
    .select()
    .from(accountIdentities)
    .where(and(eq(accountIdentities.provider, provider), eq(accountIdentities.subject, subject)));
  return row;
}

/** Links an identity; the primary key (provider, subject) and one identity per provider per account decide races. */
export async function insertIdentity(values: { provider: string; subject: string; accountId: string; email: string | null }): Promise<AccountIdentity> {
  const [row] = await db().insert(accountIdentities).values(values).returning();
  return row;
}

export async function listIdentities(accountId: string): Promise<AccountIdentity[]> {
  return db()
    .select()
    .from(accountIdentities)
    .where(eq(accountIdentities.accountId, accountId))
    .orderBy(asc(accountIdentities.createdAt), asc(accountIdentities.provider));
}

export type UnlinkOutcome = "unlinked" | "not_found" | "last_way_in";

/**
 * Removes the account's identity at `provider` only while the account keeps another way in (a password or another
 * identity). The account's row is locked first, so two unlinks at once cannot each leave the other as the last one.
 */
export async function deleteIdentityKeepingAWayIn(accountId: string, provider: string): Promise<UnlinkOutcome> {
  return db().transaction(async (tx) => {
    const [account] = await tx
      .select({ hasPassword: sql<boolean>`${accounts.passwordHash} is not null` })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .for("update");
    if (!account) return "not_found";
    const [identity] = await tx
      .select({ provider: accountIdentities.provider })
      .from(accountIdentities)
      .where(and(eq(accountIdentities.accountId, accountId), eq(accountIdentities.provider, provider)));
    if (!identity) return "not_found";
    const [{ others }] = await tx
      .select({ others: sql<number>`count(*)::int` })
      .from(accountIdentities)
      .where(and(eq(accountIdentities.accountId, accountId), ne(accountIdentities.provider, provider)));
    if (!account.hasPassword && others === 0) return "last_way_in";
    await tx.delete(accountIdentities).where(and(eq(accountIdentities.accountId, accountId), eq(accountIdentities.provider, provider)));
    return "unlinked";
  });
}
