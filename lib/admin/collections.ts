import "server-only";
import {
  deleteCollection,
  findCollection,
  isFeatured,
  insertCollection,
  listAllCollections,
  listAllFeatured,
  listCollectionTitles,
  missingTitles,
  replaceCollectionTitles,
  replaceFeatured,
  setFeatured,
  slugTaken,
  updateCollection,
  type AdminListedTitle,
  type CollectionFields,
} from "@/db/queries/collections";
import type { Collection } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError, uniqueViolation } from "@/lib/api/errors";
import { artworkUrl } from "@/lib/catalog/catalog";
import { requireAdmin } from "./guard";

// Collections and featured titles as admins manage them: every collection, drafts included, each with all its titles
// (unpublished ones too: viewers see them once published). What viewers see: lib/catalog/collections.ts.

type CollectionInput = { slug: string; title: string; description?: string | null; position?: number; published?: boolean };

const notFound = () => new ApiError("collection_not_found", "There is no collection with this id.");
const slugTakenError = (slug: string | undefined) => new ApiError("collection_slug_taken", `A collection at /collections/${slug} exists already: choose another slug.`);

const listedView = (title: AdminListedTitle) => ({
  id: title.id,
  type: title.kind,
  title: title.title,
  year: title.year,
  published: title.published,
  poster_url: artworkUrl(title.posterPath),
});

function adminView(collection: Collection, titles: AdminListedTitle[]) {
  return {
    id: collection.id,
    slug: collection.slug,
    title: collection.title,
    description: collection.description,
    position: collection.position,
    published: collection.published,
    items: titles.map(listedView),
    created_at: collection.createdAt.toISOString(),
    updated_at: collection.updatedAt.toISOString(),
  };
}

export type AdminCollection = ReturnType<typeof adminView>;

const viewOf = async (collection: Collection) => adminView(collection, await listCollectionTitles(collection.id));

export async function listAdminCollections(principal: Principal | undefined) {
  requireAdmin(principal);
  const rows = await listAllCollections();
  const items = await Promise.all(rows.map((row) => viewOf(row.collection)));
  return { items, total: items.length, limit: items.length, offset: 0 };
}

export async function getAdminCollection(principal: Principal | undefined, collectionId: string): Promise<AdminCollection> {
  requireAdmin(principal);
  const collection = await findCollection(collectionId);
  if (!collection) throw notFound();
  return viewOf(collection);
}

// Two admins taking one slug at once: the unique index decides.
const slugRace = (slug: string | undefined) => (error: unknown): never => {
  if (uniqueViolation(error) !== undefined) throw slugTakenError(slug);
  throw error;
};

async function assertTitlesExist(titleIds: string[], field: string) {
  const missing = await missingTitles(titleIds);
  if (!missing.length) return;
  const details = missing.map((id) => ({ field: `body.${field}.${titleIds.indexOf(id)}`, message: "no movie or show has this id" }));
  throw new ApiError("validation_failed", `The request body is invalid: ${details[0].field}: no movie or show has this id.`, details);
}

const fields = (input: Partial<CollectionInput>): Partial<CollectionFields> => ({
  ...(input.slug !== undefined && { slug: input.slug }),
  ...(input.title !== undefined && { title: input.title }),
  ...(input.description !== undefined && { description: input.description || null }),
  ...(input.position !== undefined && { position: input.position }),
  ...(input.published !== undefined && { published: input.published }),
});

export async function createCollection(principal: Principal | undefined, input: CollectionInput & { title_ids?: string[] }) {
  requireAdmin(principal);
  if (await slugTaken(input.slug)) throw slugTakenError(input.slug);
  if (input.title_ids) await assertTitlesExist(input.title_ids, "title_ids");
  const collection = await insertCollection(fields(input) as CollectionFields).catch(slugRace(input.slug));
  if (input.title_ids?.length) await replaceCollectionTitles(collection.id, input.title_ids);
  return viewOf(collection);
}

export async function editCollection(principal: Principal | undefined, collectionId: string, input: Partial<CollectionInput>) {
  requireAdmin(principal);
  if (input.slug !== undefined && (await slugTaken(input.slug, collectionId))) throw slugTakenError(input.slug);
  const collection = await updateCollection(collectionId, fields(input)).catch(slugRace(input.slug));
  if (!collection) throw notFound();
  return viewOf(collection);
}

export async function removeCollection(principal: Principal | undefined, collectionId: string) {
  requireAdmin(principal);
  if (!(await deleteCollection(collectionId))) throw notFound();
  return {};
}

/** Replaces the collection's titles with these, in this order. */
export async function setCollectionTitles(principal: Principal | undefined, collectionId: string, titleIds: string[]) {
  requireAdmin(principal);
  await assertTitlesExist(titleIds, "title_ids");
  if (!(await replaceCollectionTitles(collectionId, titleIds))) throw notFound();
  return getAdminCollection(principal, collectionId);
}

export async function listFeatured(principal: Principal | undefined) {
  requireAdmin(principal);
  return { items: (await listAllFeatured()).map(listedView) };
}

/** Replaces the featured titles with these, in this order. */
export async function setFeaturedList(principal: Principal | undefined, titleIds: string[]) {
  requireAdmin(principal);
  await assertTitlesExist(titleIds, "title_ids");
  await replaceFeatured(titleIds);
  return listFeatured(principal);
}

/** Features the title (last in the carousel) or takes it out; answers the featured titles. */
export async function featureTitle(principal: Principal | undefined, titleId: string, featured: boolean) {
  requireAdmin(principal);
  if ((await missingTitles([titleId])).length) throw new ApiError("not_found", "There is no title with this id.");
  await setFeatured(titleId, featured);
  return listFeatured(principal);
}

/** Whether the title is featured (the admin title page's toggle). */
export async function titleFeatured(principal: Principal | undefined, titleId: string): Promise<boolean> {
  requireAdmin(principal);
  return isFeatured(titleId);
}
