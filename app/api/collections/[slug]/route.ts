// GET /api/collections/<slug> – one published collection with a page of the titles the caller may see
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { getCollection } from "@/lib/catalog/collections";
import { getCollectionEndpoint } from "../schema";

export const GET = withApi(getCollectionEndpoint, ({ params, query, viewer }) => getCollection(params.slug, catalogAudience(viewer, {}), query));
