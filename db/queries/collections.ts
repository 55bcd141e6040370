import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { visibleTo, type Audience } from "@/lib/access/visibility";
import { db } from "../client";
import { collectionItems, collections, featuredTitles, titles, type Collection } from "../schema";
import { titleSummaryColumns } from "./admin-catalog";
import { titleColumns } from "./catalog";

// Admin-curated collections and the featured titles of the hero carousel. Viewers' reads list only the titles
// visible to their audience (visibleTo); admins' reads list every title, drafts included.

export type CollectionFields = Pick<typeof collections.$inferInsert, "slug" | "title" | "description" | "position" | "published">;

const TITLES = `"titles"`;

/** Published collections (or, with `slug`, the one with that slug), in home-row order. */
export async function listPublishedCollections(slug?: string): Promise<Collection[]> {
  return db()
    .select()
    .from(collections)
    .where(and(eq(collections.published, true), slug === undefined ? undefined : eq(collections.slug, slug)))
    .orderBy(asc(collections.position), asc(collections.title), asc(collections.id));
}

/** The titles of these collections that `audience` may see, in each collection's order. */
export async function listVisibleCollectionTitles(collectionIds: string[], audience: Audience) {
  if (!collectionIds.length) return [];
  return db()
    .select({ ...titleColumns, collectionId: collectionItems.collectionId })
    .from(collectionItems)
    .innerJoin(titles, eq(titles.id, collectionItems.titleId))
    .where(and(inArray(collectionItems.collectionId, collectionIds), visibleTo(audience, TITLES)))
    .orderBy(asc(collectionItems.collectionId), asc(collectionItems.position));
}

/** The featured titles `audience` may see, in the carousel's order. */
export async function listVisibleFeatured(audience: Audience) {
  return db()
    .select(titleColumns)
    .from(featuredTitles)
    .innerJoin(titles, eq(titles.id, featuredTitles.titleId))
    .where(visibleTo(audience, TITLES))
    .orderBy(asc(featuredTitles.position), asc(titles.title));
}

// Admin reads and writes.

export type AdminListedTitle = { id: string; kind: "movie" | "show"; title: string; year: number; published: boolean; posterPath: string | null };

/** Every collection, drafts included, in home-row order, with how many titles each holds. */
export async function listAllCollections() {
  return db()
    .select({ collection: collections, itemCount: sql<number>`(select count(*)::int from ${collectionItems} ci where ci.collection_id = ${collections.id})` })
    .from(collections)
    .orderBy(asc(collections.position), asc(collections.title), asc(collections.id));
}

export async function findCollection(collectionId: string): Promise<Collection | undefined> {
  const [row] = await db().select().from(collections).where(eq(collections.id, collectionId));
  return row;
}

/** A collection's titles, drafts included, in order. */
export async function listCollectionTitles(collectionId: string): Promise<AdminListedTitle[]> {
  return db()
    .select(titleSummaryColumns)
    .from(collectionItems)
    .innerJoin(titles, eq(titles.id, collectionItems.titleId))
    .where(eq(collectionItems.collectionId, collectionId))
    .orderBy(asc(collectionItems.position));
}

export async function insertCollection(fields: CollectionFields): Promise<Collection> {
  const [row] = await db().insert(collections).values(fields).returning();
  return row;
}

export async function updateCollection(collectionId: string, fields: Partial<CollectionFields>): Promise<Collection | undefined> {
  const [row] = await db()
    .update(collections)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(collections.id, collectionId))
    .returning();
  return row;
}

export async function deleteCollection(collectionId: string): Promise<boolean> {
  return (await db().delete(collections).where(eq(collections.id, collectionId)).returning({ id: collections.id })).length > 0;
}

export async function slugTaken(slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.slug, slug), exceptId ? sql`${collections.id} <> ${exceptId}` : undefined));
  return row !== undefined;
}

/** Of these title ids, the ones no title has. */
export async function missingTitles(titleIds: string[]): Promise<string[]> {
  if (!titleIds.length) return [];
  const found = await db().select({ id: titles.id }).from(titles).where(inArray(titles.id, titleIds));
  const known = new Set(found.map((row) => row.id));
  return titleIds.filter((id) => !known.has(id));
}

/** Replaces a collection's titles with these, in this order. False when the collection is gone. */
export async function replaceCollectionTitles(collectionId: string, titleIds: string[]): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [collection] = await tx
      .update(collections)
      .set({ updatedAt: sql`now()` })
      .where(eq(collections.id, collectionId))
      .returning({ id: collections.id });
    if (!collection) return false;
    await tx.delete(collectionItems).where(eq(collectionItems.collectionId, collectionId));
    if (titleIds.length) await tx.insert(collectionItems).values(titleIds.map((titleId, position) => ({ collectionId, titleId, position })));
    return true;
  });
}

/** Every featured title, drafts included, in the carousel's order. */
export async function listAllFeatured(): Promise<AdminListedTitle[]> {
  return db()
    .select(titleSummaryColumns)
    .from(featuredTitles)
    .innerJoin(titles, eq(titles.id, featuredTitles.titleId))
    .orderBy(asc(featuredTitles.position), asc(titles.title));
}

export async function isFeatured(titleId: string): Promise<boolean> {
  const [row] = await db().select({ id: featuredTitles.titleId }).from(featuredTitles).where(eq(featuredTitles.titleId, titleId));
  return row !== undefined;
}

/** Features a title last in the carousel (where it is already: left there), or takes it out. */
export async function setFeatured(titleId: string, featured: boolean): Promise<void> {
  if (!featured) {
    await db().delete(featuredTitles).where(eq(featuredTitles.titleId, titleId));
    return;
  }
  const [last] = await db().select({ position: featuredTitles.position }).from(featuredTitles).orderBy(desc(featuredTitles.position)).limit(1);
  await db()
    .insert(featuredTitles)
    .values({ titleId, position: (last?.position ?? -1) + 1 })
    .onConflictDoNothing();
}

/** Replaces the featured titles with these, in this order. */
export async function replaceFeatured(titleIds: string[]): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.delete(featuredTitles);
    if (titleIds.length) await tx.insert(featuredTitles).values(titleIds.map((titleId, position) => ({ titleId, position })));
  });
}
