// GET /api/genres – genres that have titles, with counts
import { withApi } from "@/lib/api/with-api";
import { listGenres } from "@/lib/catalog/catalog";
import { maturityLimit } from "@/lib/catalog/viewer";
import { genresEndpoint } from "../browse/schema";

export const GET = withApi(genresEndpoint, async ({ query, principal }) => listGenres(await maturityLimit(principal, query)));
