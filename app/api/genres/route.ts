// GET /api/genres – genres that have titles, with counts
import { withApi } from "@/lib/api/with-api";
import { listGenres } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { genresEndpoint } from "../browse/schema";

export const GET = withApi(genresEndpoint, ({ query, viewer }) => listGenres(catalogAudience(viewer, query)));
