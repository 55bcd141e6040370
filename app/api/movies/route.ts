// GET /api/movies – browse movies with filters, sorting and pagination
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { maturityLimit } from "@/lib/catalog/viewer";
import { listMoviesEndpoint } from "./schema";

export const GET = withApi(listMoviesEndpoint, async ({ query, principal }) =>
  browseTitles(titleFilter("movie", query, await maturityLimit(principal, query)), query.sort, query),
);
