import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "../client";
import { knownDevices, securityEvents, type SecurityEvent } from "../schema";

export async function insertSecurityEvent(values: typeof securityEvents.$inferInsert): Promise<void> {
  await db().insert(securityEvents).values(values);
}

export async function listSecurityEvents(accountId: string, limit: number, offset: number): Promise<{ rows: SecurityEvent[]; total: number }> {
  const [rows, [{ total }]] = await Promise.all([
    db()
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.accountId, accountId))
      .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
      .limit(limit)
      .offset(offset),
    db().select({ total: sql<number>`count(*)::int` }).from(securityEvents).where(eq(securityEvents.accountId, accountId)),
  ]);
  return { rows, total };
}

/** Records that the account signed in from this device; true when it never had before. */
export async function rememberDevice(accountId: string, deviceHash: string, executor: Database | Transaction = db()): Promise<boolean> {
  const [row] = await executor
    .insert(knownDevices)
    .values({ accountId, deviceHash })
    .onConflictDoUpdate({ target: [knownDevices.accountId, knownDevices.deviceHash], set: { lastSeenAt: sql`now()` } })
    .returning({ isNew: sql<boolean>`xmax = 0` });
  return row.isNew;
}

export async function hasKnownDevices(accountId: string, executor: Database | Transaction = db()): Promise<boolean> {
  const [row] = await executor.select({ accountId: knownDevices.accountId }).from(knownDevices).where(eq(knownDevices.accountId, accountId)).limit(1);
  return row !== undefined;
}
