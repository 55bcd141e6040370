// GET /api/collections – the published collections, with the titles the caller may see
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { browseCollections } from "@/lib/catalog/collections";
import { listCollectionsEndpoint } from "./schema";

export const GET = withApi(listCollectionsEndpoint, ({ query, viewer }) => browseCollections(catalogAudience(viewer, {}), query));
