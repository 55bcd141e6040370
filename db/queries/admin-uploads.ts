import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "../client";
import { uploads, type Upload } from "../schema";

export async function insertUpload(values: typeof uploads.$inferInsert): Promise<Upload> {
  const [row] = await db().insert(uploads).values(values).returning();
  return row;
}

export async function findUpload(id: string): Promise<Upload | undefined> {
  const [row] = await db().select().from(uploads).where(eq(uploads.id, id));
  return row;
}

export async function listRecentUploads(limit: number): Promise<Upload[]> {
  return db().select().from(uploads).orderBy(desc(uploads.createdAt)).limit(limit);
}

/**
 * Takes the upload's write lease for `seconds` (renewable); undefined when it is not receiving or another request
 * holds a live lease.
 */
export async function takeUploadLease(id: string, seconds: number): Promise<Upload | undefined> {
  const [row] = await db()
    .update(uploads)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${seconds}::float8)`, updatedAt: sql`now()` })
    .where(and(eq(uploads.id, id), eq(uploads.status, "receiving"), or(isNull(uploads.leaseUntil), lt(uploads.leaseUntil, sql`now()`))))
    .returning();
  return row;
}

export async function renewUploadLease(id: string, seconds: number, receivedBytes: number): Promise<void> {
  await db()
    .update(uploads)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${seconds}::float8)`, receivedBytes, updatedAt: sql`now()` })
    .where(eq(uploads.id, id));
}

export async function updateUpload(id: string, values: Partial<typeof uploads.$inferInsert>): Promise<void> {
  await db()
    .update(uploads)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(uploads.id, id));
}

export async function deleteUpload(id: string): Promise<boolean> {
  return (await db().delete(uploads).where(eq(uploads.id, id)).returning({ id: uploads.id })).length > 0;
}

/** Unfinished uploads untouched for `days`: removed, so their partial files can be deleted. */
export async function deleteAbandonedUploads(days: number): Promise<string[]> {
  const rows = await db()
    .delete(uploads)
    .where(and(eq(uploads.status, "receiving"), lt(uploads.updatedAt, sql`now() - make_interval(days => ${days})`)))
    .returning({ id: uploads.id });
  return rows.map((row) => row.id);
}
