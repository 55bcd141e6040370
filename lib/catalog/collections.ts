import "server-only";
import { listPublishedCollections, listVisibleCollectionTitles, listVisibleFeatured } from "@/db/queries/collections";
import type { Audience } from "@/lib/access/visibility";
import { ApiError } from "@/lib/api/errors";
import { audienceKey, cachedCatalog } from "./cache";
import { titleItem, type Page } from "./catalog";

// Admin-curated collections and featured titles as viewers see them: published collections, each with only the titles
// its audience may see (visibleTo), in the admin's order. A collection none of whose titles the audience may see does
// not exist for it (404, and no row), as a hidden title does not. Cached per audience class like the other catalog
// reads; the triggers of the collection tables announce changes (migration 0036).

async function loadCollections(audience: Audience, slug?: string) {
  const found = await listPublishedCollections(slug);
  const rows = await listVisibleCollectionTitles(found.map((c) => c.id), audience);
  return found
    .map((collection) => ({
      id: collection.id,
      slug: collection.slug,
      title: collection.title,
      description: collection.description,
      position: collection.position,
      items: rows.filter((row) => row.collectionId === collection.id).map(({ collectionId: _, ...row }) => titleItem(row)),
    }))
    .filter((collection) => collection.items.length > 0);
}

export type CollectionView = Awaited<ReturnType<typeof loadCollections>>[number];

/** Every published collection `audience` may see something of, in home-row order, with its titles. */
export function visibleCollections(audience: Audience): Promise<CollectionView[]> {
  return cachedCatalog(JSON.stringify(["collections", audienceKey(audience)]), () => loadCollections(audience));
}

/** GET /api/collections: a page of the collections, each with its titles (at most `itemLimit`) and their count. */
export async function browseCollections(audience: Audience, page: Page & { item_limit: number }) {
  const all = await visibleCollections(audience);
  const items = all.slice(page.offset, page.offset + page.limit).map(({ items: titles, ...collection }) => ({
    ...collection,
    item_count: titles.length,
    items: titles.slice(0, page.item_limit),
  }));
  return { items, total: all.length, limit: page.limit, offset: page.offset };
}

/** GET /api/collections/{slug} and its page: one collection with a page of its titles. */
export async function getCollection(slug: string, audience: Audience, page: Page) {
  const [collection] = await cachedCatalog(JSON.stringify(["collection", slug, audienceKey(audience)]), () => loadCollections(audience, slug));
  if (!collection) throw new ApiError("collection_not_found", "There is no collection with this slug.");
  const { items, ...fields } = collection;
  return { ...fields, items: items.slice(page.offset, page.offset + page.limit), total: items.length, limit: page.limit, offset: page.offset };
}

/** The featured titles `audience` may see, in the carousel's order. */
export function featuredTitles(audience: Audience) {
  return cachedCatalog(JSON.stringify(["featured", audienceKey(audience)]), async () => (await listVisibleFeatured(audience)).map(titleItem));
}
