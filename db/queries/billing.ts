import "server-only";
import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "../client";
import { billingCustomers, billingEvents, billingInvoices, type BillingCustomer, type BillingInvoice } from "../schema";

type Executor = Database | Transaction;

export async function findBillingCustomer(accountId: string): Promise<BillingCustomer | undefined> {
  const [row] = await db().select().from(billingCustomers).where(eq(billingCustomers.accountId, accountId));
  return row;
}

export async function findAccountIdByCustomer(stripeCustomerId: string): Promise<string | undefined> {
  const [row] = await db()
    .select({ accountId: billingCustomers.accountId })
    .from(billingCustomers)
    .where(eq(billingCustomers.stripeCustomerId, stripeCustomerId));
  return row?.accountId;
}

/**
 * Claims the right to create the account's Stripe customer: true for exactly one caller while no customer exists
 * (an unfinished claim older than `staleAfterMs` may be taken over: its process died or its call failed).
 */
export async function claimBillingCustomer(accountId: string, staleAfterMs: number): Promise<boolean> {
  const inserted = await db()
    .insert(billingCustomers)
    .values({ accountId })
    .onConflictDoNothing()
    .returning({ accountId: billingCustomers.accountId });
  if (inserted.length > 0) return true;
  const takenOver = await db()
    .update(billingCustomers)
    .set({ claimedAt: sql`now()` })
    .where(
      and(
        eq(billingCustomers.accountId, accountId),
        isNull(billingCustomers.stripeCustomerId),
        lt(billingCustomers.claimedAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`),
      ),
    )
    .returning({ accountId: billingCustomers.accountId });
  return takenOver.length > 0;
}

export async function setBillingCustomerId(accountId: string, stripeCustomerId: string): Promise<void> {
  await db().update(billingCustomers).set({ stripeCustomerId }).where(eq(billingCustomers.accountId, accountId));
}

/** Gives up an unfinished claim (the Stripe call failed), so the next attempt can claim at once. */
export async function releaseBillingCustomerClaim(accountId: string): Promise<void> {
  await db()
    .delete(billingCustomers)
    .where(and(eq(billingCustomers.accountId, accountId), isNull(billingCustomers.stripeCustomerId)));
}

/**
 * Runs `effect` and records the event id in one transaction. Returns false, without running `effect`, when the
 * event was applied before (a redelivery).
 */
export async function applyBillingEventOnce(
  event: { id: string; type: string },
  effect: (tx: Transaction) => Promise<void>,
): Promise<boolean> {
  return db().transaction(async (tx) => {
    const recorded = await tx
      .insert(billingEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: billingEvents.id });
    if (recorded.length === 0) return false;
    await effect(tx);
    return true;
  });
}

/** Forgets event ids received before `before`; returns how many. */
export async function pruneBillingEvents(before: Date): Promise<number> {
  const removed = await db().delete(billingEvents).where(lt(billingEvents.receivedAt, before)).returning({ id: billingEvents.id });
  return removed.length;
}

export async function hasBillingEvent(id: string): Promise<boolean> {
  const [row] = await db().select({ id: billingEvents.id }).from(billingEvents).where(eq(billingEvents.id, id));
  return row !== undefined;
}

type InvoiceValues = Omit<typeof billingInvoices.$inferInsert, "createdAt" | "updatedAt">;

export async function upsertBillingInvoice(values: InvoiceValues, executor: Executor = db()): Promise<void> {
  const { id, ...changes } = values;
  await executor
    .insert(billingInvoices)
    .values(values)
    .onConflictDoUpdate({ target: billingInvoices.id, set: { ...changes, updatedAt: sql`now()` } });
}

export async function listBillingInvoices(
  accountId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: BillingInvoice[]; total: number }> {
  const [rows, [{ total }]] = await Promise.all([
    db()
      .select()
      .from(billingInvoices)
      .where(eq(billingInvoices.accountId, accountId))
      .orderBy(desc(billingInvoices.stripeCreated), desc(billingInvoices.id))
      .limit(page.limit)
      .offset(page.offset),
    db().select({ total: count() }).from(billingInvoices).where(eq(billingInvoices.accountId, accountId)),
  ]);
  return { rows, total };
}
