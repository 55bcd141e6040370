// GET /api/shows – browse TV shows with filters, sorting and pagination
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { maturityLimit } from "@/lib/catalog/viewer";
import { listShowsEndpoint } from "./schema";

export const GET = withApi(listShowsEndpoint, async ({ query, principal }) =>
  browseTitles(titleFilter("show", query, await maturityLimit(principal, query)), query.sort, query),
);
