import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "../client";
import { accounts, type Account } from "../schema";

export async function insertAccount(values: { username: string; email: string; passwordHash: string }): Promise<Account> {
  const [row] = await db().insert(accounts).values(values).returning();
  return row;
}

export async function findAccountByUsername(username: string): Promise<Account | undefined> {
  const [row] = await db()
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.username}) = lower(${username})`);
  return row;
}

export async function findAccountById(id: string): Promise<Account | undefined> {
  const [row] = await db().select().from(accounts).where(eq(accounts.id, id));
  return row;
}

export async function updateAccountEmail(id: string, email: string): Promise<void> {
  await db().update(accounts).set({ email, updatedAt: sql`now()` }).where(eq(accounts.id, id));
}

export async function updateAccountPasswordHash(id: string, passwordHash: string): Promise<void> {
  await db().update(accounts).set({ passwordHash, updatedAt: sql`now()` }).where(eq(accounts.id, id));
}
