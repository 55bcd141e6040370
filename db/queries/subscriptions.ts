import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "../client";
import { subscriptions, type Subscription } from "../schema";

export async function findSubscription(accountId: string): Promise<Subscription | undefined> {
  const [row] = await db().select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  return row;
}

type SubscriptionValues = Omit<typeof subscriptions.$inferInsert, "createdAt" | "updatedAt">;

/** Stores the provider's view of the account's subscription (one row per account). */
export async function upsertSubscription(values: SubscriptionValues): Promise<Subscription> {
  const { accountId, ...changes } = values;
  const [row] = await db()
    .insert(subscriptions)
    .values(values)
    .onConflictDoUpdate({ target: subscriptions.accountId, set: { ...changes, updatedAt: sql`now()` } })
    .returning();
  return row;
}
