// GET|PUT /api/admin/featured – the hero carousel's featured titles, in order; replace them
import { withApi } from "@/lib/api/with-api";
import { listFeatured, setFeaturedList } from "@/lib/admin/collections";
import { listFeaturedEndpoint, setFeaturedListEndpoint } from "../collections/schema";

export const GET = withApi(listFeaturedEndpoint, ({ principal }) => listFeatured(principal));
export const PUT = withApi(setFeaturedListEndpoint, ({ principal, body }) => setFeaturedList(principal, body.title_ids));
