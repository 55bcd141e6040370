import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { adminTitleSummary } from "../catalog/schema";

const tag = "Admin: collections";
const collectionId = z.object({ collection_id: z.guid() });
const errors = ["forbidden", "validation_failed"] as const;

export const collectionSlug = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters and digits, words joined by hyphens (e.g. award-winners)");

const titleIds = z
  .array(z.guid())
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, "a title may appear only once")
  .describe("Movie and show ids, in order (drafts may be listed: viewers see them once published).");

const collectionFields = {
  slug: collectionSlug.describe("Its address: /collections/{slug}; unique."),
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).nullable().describe("Optional, shown on the collection's page."),
  position: z.number().int().min(0).max(1000).describe("Where it sits among the home page's rows: after this many of the other rows (0: first under the hero)."),
  published: z.boolean().describe("Unpublished collections are seen by admins only."),
};

const listedTitle = adminTitleSummary;

const adminCollection = z.object({
  id: z.guid(),
  ...collectionFields,
  description: z.string().nullable(),
  items: z.array(listedTitle),
  created_at: z.string(),
  updated_at: z.string(),
});

export const listAdminCollectionsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/collections",
  summary: "Every collection, drafts included, in home-row order",
  tag,
  auth: "admin",
  response: z.object({ items: z.array(adminCollection), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
  errors: ["forbidden"],
});

export const createCollectionEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/collections",
  summary: "Create a collection (unpublished unless `published` is true)",
  tag,
  auth: "admin",
  status: 201,
  body: z.strictObject({
    ...collectionFields,
    description: collectionFields.description.optional(),
    position: collectionFields.position.optional(),
    published: collectionFields.published.optional(),
    title_ids: titleIds.optional(),
  }),
  response: adminCollection,
  errors: [...errors, "collection_slug_taken"],
});

export const getAdminCollectionEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/collections/{collection_id}",
  summary: "One collection with its titles in order",
  tag,
  auth: "admin",
  params: collectionId,
  response: adminCollection,
  errors: [...errors, "collection_not_found"],
});

export const updateCollectionEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/collections/{collection_id}",
  summary: "Change a collection's slug, title, description, position or published state",
  tag,
  auth: "admin",
  params: collectionId,
  body: z.strictObject(collectionFields).partial(),
  response: adminCollection,
  errors: [...errors, "collection_not_found", "collection_slug_taken"],
});

export const deleteCollectionEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/collections/{collection_id}",
  summary: "Delete a collection (its titles stay in the catalog)",
  tag,
  auth: "admin",
  params: collectionId,
  response: z.object({}),
  errors: [...errors, "collection_not_found"],
});

export const setCollectionItemsEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/collections/{collection_id}/items",
  summary: "Replace a collection's titles, in order",
  description: "The collection lists exactly these titles in this order (add, remove and reorder in one call).",
  tag,
  auth: "admin",
  params: collectionId,
  body: z.strictObject({ title_ids: titleIds }),
  response: adminCollection,
  errors: [...errors, "collection_not_found"],
});

export const listFeaturedEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/featured",
  summary: "The featured titles of the home page's hero carousel, in order",
  tag,
  auth: "admin",
  response: z.object({ items: z.array(listedTitle) }),
  errors: ["forbidden"],
});

export const setFeaturedListEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/featured",
  summary: "Replace the featured titles, in order",
  description: "The hero carousel shows these titles in this order (each viewer those their profile may see). An empty list: the home page falls back to one of the most popular titles.",
  tag,
  auth: "admin",
  body: z.strictObject({ title_ids: titleIds }),
  response: z.object({ items: z.array(listedTitle) }),
  errors: [...errors],
});

export const setTitleFeaturedEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/titles/{title_id}/featured",
  summary: "Feature a title in the hero carousel (last), or take it out",
  tag,
  auth: "admin",
  params: z.object({ title_id: z.guid() }),
  body: z.strictObject({ featured: z.boolean() }),
  response: z.object({ items: z.array(listedTitle) }),
  errors: [...errors, "not_found"],
});
