import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "../client";
import { accounts, profiles, type Profile } from "../schema";

export async function listProfiles(accountId: string): Promise<Profile[]> {
  return db().select().from(profiles).where(eq(profiles.accountId, accountId)).orderBy(asc(profiles.createdAt), asc(profiles.name));
}

export async function findProfile(accountId: string, name: string): Promise<Profile | undefined> {
  const [row] = await db().select().from(profiles).where(and(eq(profiles.accountId, accountId), eq(profiles.name, name)));
  return row;
}

/**
 * Creates a profile unless the account already has `limit` of them. The account row is locked for the check, so
 * concurrent creations cannot both take the last slot. Returns undefined when the limit is reached.
 */
export async function insertProfileWithinLimit(values: typeof profiles.$inferInsert, limit: number): Promise<Profile | undefined> {
  return db().transaction(async (tx) => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, values.accountId)).for("update");
    const [{ count }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(profiles)
      .where(eq(profiles.accountId, values.accountId));
    if (count >= limit) return undefined;
    const [row] = await tx.insert(profiles).values(values).returning();
    return row;
  });
}

export async function deleteProfile(accountId: string, name: string): Promise<boolean> {
  const rows = await db()
    .delete(profiles)
    .where(and(eq(profiles.accountId, accountId), eq(profiles.name, name)))
    .returning({ id: profiles.id });
  return rows.length > 0;
}

export async function updateProfile(
  accountId: string,
  name: string,
  changes: Partial<Pick<Profile, "name" | "kids" | "maturityRating" | "maturityLevel" | "avatar" | "pinHash" | "blockedGenres" | "dailyLimitMinutes" | "language" | "audioLanguage">>,
): Promise<Profile | undefined> {
  const [row] = await db()
    .update(profiles)
    .set(changes)
    .where(and(eq(profiles.accountId, accountId), eq(profiles.name, name)))
    .returning();
  return row;
}
