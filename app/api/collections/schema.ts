import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { pagination, viewer } from "@/lib/api/query-schemas";
import { movieItem } from "../movies/schema";
import { showItem } from "../shows/schema";

const titleItem = z.discriminatedUnion("type", [movieItem, showItem]);

const collectionFields = {
  id: z.guid(),
  slug: z.string().describe("Its address: /collections/{slug} on the site, GET /api/collections/{slug}."),
  title: z.string(),
  description: z.string().nullable(),
  position: z.number().int().describe("Where it sits among the home page's rows: after this many of the other rows."),
};

const errors = ["validation_failed", "forbidden", "profile_not_found"] as const;

export const listCollectionsEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/collections",
  summary: "Collections curated by the service's editors, with their titles",
  description:
    "Published collections in the order of the home page's rows, each with the titles the caller may see (with " +
    "`profile`: that profile's maturity rating and blocked genres) in the editors' order. A collection none of whose " +
    "titles the caller may see is not listed.",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  query: z.strictObject({
    profile: viewer.profile,
    item_limit: z.coerce.number().int().min(0).max(100).default(20).describe("Titles listed per collection, 0–100 (default 20); `item_count` counts them all."),
    ...pagination,
  }),
  response: z.object({
    items: z.array(z.object({ ...collectionFields, item_count: z.number().int(), items: z.array(titleItem) })),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  }),
  errors,
});

export const getCollectionEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/collections/{slug}",
  summary: "One collection with a page of its titles",
  description: "404 `collection_not_found` for an unpublished collection, or one none of whose titles the caller may see.",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  params: z.object({ slug: z.string().min(1).max(100) }),
  query: z.strictObject({ profile: viewer.profile, ...pagination }),
  response: z.object({ ...collectionFields, items: z.array(titleItem), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
  errors: [...errors, "collection_not_found"],
});
