import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "../client";
import { subscriptionCancellations, subscriptions, type Subscription } from "../schema";

type Executor = Database | Transaction;

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

const LIVE = sql`('active', 'trialing', 'past_due', 'unpaid', 'incomplete', 'paused')`;

/**
 * Stores a Stripe subscription as read at `syncedAt`, unless the row already holds a newer read, or holds another
 * subscription that is still live while this one has ended (a late event about an old subscription). Returns the
 * stored row, or undefined when the write was skipped.
 */
export async function storeStripeSubscription(
  values: SubscriptionValues & { stripeSubscriptionId: string; syncedAt: Date },
  executor: Executor = db(),
): Promise<Subscription | undefined> {
  const { accountId, ...changes } = values;
  const [row] = await executor
    .insert(subscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: subscriptions.accountId,
      set: { ...changes, updatedAt: sql`now()` },
      setWhere: sql`(${subscriptions.syncedAt} is null or ${subscriptions.syncedAt} <= excluded.synced_at)
        and (${subscriptions.stripeSubscriptionId} is null
          or ${subscriptions.stripeSubscriptionId} = excluded.stripe_subscription_id
          or excluded.status in ${LIVE}
          or ${subscriptions.status} not in ${LIVE})`,
    })
    .returning();
  return row;
}

/** Records why a member cancelled (churn reasons for admins). */
export async function recordCancellation(values: typeof subscriptionCancellations.$inferInsert): Promise<void> {
  await db().insert(subscriptionCancellations).values(values);
}
