import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { db, type Database, type Transaction } from "../client";
import { accounts, billingInvoices, purchases, rentalReminders, titleOffers, titles, type Purchase, type TitleOffer } from "../schema";

type Executor = Database | Transaction;

/**
 * A row (if active) that still gives the right to play: a purchase, a rental not yet started in time, or one running.
 * Never null (so that `not` of it selects the rest).
 */
export const holdsRightText = (p: string) => `(${p}.kind = 'buy'
  or (${p}.rental_started_at is null and coalesce(${p}.start_by > now(), false))
  or coalesce(${p}.expires_at > now(), false))`;

const holdsRight: SQL = sql.raw(holdsRightText('"purchases"'));

export async function listOffers(titleId: string): Promise<TitleOffer[]> {
  return db().select().from(titleOffers).where(eq(titleOffers.titleId, titleId)).orderBy(asc(titleOffers.kind));
}

export async function listOffersOf(titleIds: string[]): Promise<TitleOffer[]> {
  if (titleIds.length === 0) return [];
  return db().select().from(titleOffers).where(inArray(titleOffers.titleId, titleIds)).orderBy(asc(titleOffers.kind));
}

export type OfferValues = Omit<typeof titleOffers.$inferInsert, "titleId">;

/** Sets a title's access and replaces its offers, in one transaction; false when there is no such title. */
export async function setTitleOffers(titleId: string, access: (typeof titles.$inferSelect)["access"], offers: OfferValues[]): Promise<boolean> {
  return db().transaction(async (tx) => {
    const updated = await tx.update(titles).set({ access, updatedAt: sql`now()` }).where(eq(titles.id, titleId)).returning({ id: titles.id });
    if (updated.length === 0) return false;
    await tx.delete(titleOffers).where(eq(titleOffers.titleId, titleId));
    if (offers.length) await tx.insert(titleOffers).values(offers.map((offer) => ({ ...offer, titleId })));
    return true;
  });
}

/** The account's active rental or purchase of the title that still gives the right to play, if any. */
export async function findLiveRight(accountId: string, titleId: string): Promise<Purchase | undefined> {
  const [row] = await db()
    .select()
    .from(purchases)
    .where(and(eq(purchases.accountId, accountId), eq(purchases.titleId, titleId), eq(purchases.status, "active"), holdsRight));
  return row;
}

/** The account's live rights among `titleIds` (for title pages and lists). */
export async function listLiveRights(accountId: string, titleIds: string[]): Promise<Purchase[]> {
  if (titleIds.length === 0) return [];
  return db()
    .select()
    .from(purchases)
    .where(and(eq(purchases.accountId, accountId), inArray(purchases.titleId, titleIds), eq(purchases.status, "active"), holdsRight));
}

/**
 * Opens a rental's viewing window at its first stream. The condition makes it a single write: of two first streams
 * at once, one sets the start and the other's update matches no row; both then read the same window. The one that
 * opens it schedules the reminder `remindBeforeHours` before the end, when the window is longer than that.
 */
export async function startRentalWindow(purchaseId: string, remindBeforeHours: number): Promise<Purchase> {
  return db().transaction(async (tx) => {
    const [opened] = await tx
      .update(purchases)
      .set({ rentalStartedAt: sql`now()`, expiresAt: sql`now() + make_interval(hours => ${purchases.rentalHours})` })
      .where(and(eq(purchases.id, purchaseId), isNull(purchases.rentalStartedAt)))
      .returning();
    if (opened && opened.rentalHours! > remindBeforeHours) {
      await tx.insert(rentalReminders).values({ purchaseId, dueAt: new Date(opened.expiresAt!.getTime() - remindBeforeHours * 3_600_000) }).onConflictDoNothing();
    }
    const [row] = opened ? [opened] : await tx.select().from(purchases).where(eq(purchases.id, purchaseId));
    return row;
  });
}

export type DueReminder = { purchaseId: string; accountId: string; titleId: string; title: string; kind: "movie" | "show"; expiresAt: Date };

/**
 * Takes the reminders due at `now` (locked, so two instances never take the same one; deleted with the transaction
 * that sends them) and answers those whose rental is still running: a rental refunded or ended meanwhile is dropped.
 */
export async function takeDueReminders(tx: Transaction, now: Date, limit: number): Promise<DueReminder[]> {
  const due = await tx
    .select({ purchaseId: rentalReminders.purchaseId })
    .from(rentalReminders)
    .where(lte(rentalReminders.dueAt, now))
    .orderBy(rentalReminders.dueAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  if (!due.length) return [];
  const ids = due.map((row) => row.purchaseId);
  await tx.delete(rentalReminders).where(inArray(rentalReminders.purchaseId, ids));
  return tx
    .select({ purchaseId: purchases.id, accountId: purchases.accountId, titleId: titles.id, title: titles.title, kind: titles.kind, expiresAt: purchases.expiresAt })
    .from(purchases)
    .innerJoin(titles, eq(titles.id, purchases.titleId))
    .where(and(inArray(purchases.id, ids), eq(purchases.status, "active"), gt(purchases.expiresAt, now))) as Promise<DueReminder[]>;
}

export type NewPurchase = Omit<typeof purchases.$inferInsert, "id" | "status" | "purchasedAt" | "endedAt" | "refundedAt" | "rentalStartedAt" | "expiresAt">;
export type Receipt = Omit<typeof billingInvoices.$inferInsert, "accountId" | "purchaseId" | "createdAt" | "updatedAt">;

export type GrantOutcome = { granted: Purchase; repeated?: boolean } | { conflict: Purchase };

/**
 * Records a rental or purchase with its receipt, in one transaction under the account's row lock (so concurrent
 * grants of one title queue up). A Checkout session already granted is answered with its grant. A title already owned, or rented and still watchable when renting again, is a
 * conflict; a rental that lapsed, or one being upgraded to a purchase, is ended and replaced.
 */
export async function grantPurchase(values: NewPurchase, receipt: (purchase: Purchase) => Receipt, executor?: Transaction): Promise<GrantOutcome> {
  const run = async (tx: Transaction): Promise<GrantOutcome> => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, values.accountId)).for("update");
    // The same paid Checkout reported twice (its webhook and the return page): granted once.
    const already = values.stripeCheckoutSessionId ? await findPurchaseBySession(values.stripeCheckoutSessionId, tx) : undefined;
    if (already) return { granted: already, repeated: true };
    const [current] = await tx
      .select({ row: purchases, live: sql<boolean>`${holdsRight}` })
      .from(purchases)
      .where(and(eq(purchases.accountId, values.accountId), eq(purchases.titleId, values.titleId), eq(purchases.status, "active")));
    if (current?.live && (current.row.kind === "buy" || values.kind === "rent")) return { conflict: current.row };
    if (current) await tx.update(purchases).set({ status: "ended", endedAt: sql`now()` }).where(eq(purchases.id, current.row.id));
    const [granted] = await tx.insert(purchases).values(values).returning();
    await tx.insert(billingInvoices).values({ ...receipt(granted), accountId: granted.accountId, purchaseId: granted.id });
    return { granted };
  };
  return executor ? run(executor) : db().transaction(run);
}

export async function findPurchaseBySession(sessionId: string, executor: Executor = db()): Promise<Purchase | undefined> {
  const [row] = await executor.select().from(purchases).where(eq(purchases.stripeCheckoutSessionId, sessionId));
  return row;
}

/** Revokes what a refunded payment bought and marks its receipt refunded; returns the revoked rows. */
export async function refundPayment(paymentIntentId: string, executor: Executor = db()): Promise<Purchase[]> {
  const revoked = await executor
    .update(purchases)
    .set({ status: "refunded", refundedAt: sql`coalesce(${purchases.refundedAt}, now())` })
    .where(eq(purchases.stripePaymentIntentId, paymentIntentId))
    .returning();
  await executor
    .update(billingInvoices)
    .set({ status: "refunded", updatedAt: sql`now()` })
    .where(eq(billingInvoices.id, paymentIntentId));
  return revoked;
}

export type PurchaseFilter = "active" | "expired" | "all";

export type PurchaseRow = Purchase & { title: string; titleKind: "movie" | "show"; live: boolean };

/** The account's rentals and purchases, newest first, with whether each still gives the right to play. */
export async function listAccountPurchases(
  accountId: string,
  filter: PurchaseFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: PurchaseRow[]; total: number }> {
  const live = sql`(${purchases.status} = 'active' and ${holdsRight})`;
  const where = and(eq(purchases.accountId, accountId), filter === "all" ? undefined : filter === "active" ? live : sql`not ${live}`);
  const rows = await db()
    .select({
      row: purchases,
      title: titles.title,
      titleKind: titles.kind,
      live: sql<boolean>`${live}`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(purchases)
    .innerJoin(titles, eq(titles.id, purchases.titleId))
    .where(where)
    .orderBy(desc(purchases.purchasedAt), desc(purchases.id))
    .limit(page.limit)
    .offset(page.offset);
  const total =
    rows[0]?.total ??
    (page.offset > 0 ? (await db().select({ n: sql<number>`count(*)::int` }).from(purchases).where(where))[0].n : 0);
  return { rows: rows.map((r) => ({ ...r.row, title: r.title, titleKind: r.titleKind, live: r.live })), total };
}
