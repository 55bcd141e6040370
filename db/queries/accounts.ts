import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, queryRows } from "../client";
import { accounts, type Account } from "../schema";

const FIRST_ACCOUNT_LOCK_ID = 727_002;

/**
 * Inserts an account; the very first one becomes an admin. Once any account exists this is a plain insert; while the
 * table looks empty, sign-ups take a transaction-scoped advisory lock and re-check, so two concurrent first sign-ups
 * cannot both become admin.
 */
export async function insertAccount(values: { username: string; email: string; passwordHash: string | null; emailVerifiedAt?: Date | null }): Promise<Account> {
  const [existing] = await db().select({ id: accounts.id }).from(accounts).limit(1);
  if (existing) {
    const [row] = await db().insert(accounts).values(values).returning();
    return row;
  }
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK_ID})`);
    const [row] = await tx
      .insert(accounts)
      .values({
        ...values,
        role: sql`case when exists (select 1 from ${accounts}) then 'viewer' else 'admin' end::account_role`,
      })
      .returning();
    return row;
  });
}

export async function findAccountByUsername(username: string): Promise<Account | undefined> {
  const [row] = await db()
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.username}) = lower(${username})`);
  return row;
}

/**
 * A username in the form accounts are looked up and kept unique by: the database's `lower()`. JavaScript's
 * `toLowerCase()` has other Unicode rules ("İ" becomes "i̇" there, "i" here), so anything keyed by "the same username"
 * (the sign-in throttle) takes this form, never its own.
 */
export async function comparableUsername(username: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(sql`select lower(${username}) as name`);
  return row.name;
}

export async function findAccountByEmail(email: string): Promise<Account | undefined> {
  const [row] = await db()
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = lower(${email})`);
  return row;
}

export async function findAccountById(id: string): Promise<Account | undefined> {
  const [row] = await db().select().from(accounts).where(eq(accounts.id, id));
  return row;
}

/** Sets a new address; a different one (not just in case) is unconfirmed until its link is opened. */
export async function updateAccountEmail(id: string, email: string): Promise<void> {
  await db()
    .update(accounts)
    .set({
      email,
      emailVerifiedAt: sql`case when lower(${accounts.email}) = lower(${email}) then ${accounts.emailVerifiedAt} end`,
      updatedAt: sql`now()`,
    })
    .where(eq(accounts.id, id));
}

export async function updateAccountPasswordHash(id: string, passwordHash: string): Promise<void> {
  await db().update(accounts).set({ passwordHash, updatedAt: sql`now()` }).where(eq(accounts.id, id));
}

export async function updateAccountSettings(
  id: string,
  values: Partial<Pick<Account, "loginAlerts" | "autoLogoutMinutes" | "displayName" | "phone" | "billingAddress">>,
): Promise<Account | undefined> {
  const [row] = await db().update(accounts).set({ ...values, updatedAt: sql`now()` }).where(eq(accounts.id, id)).returning();
  return row;
}
