// GET /api/movies – browse movies with filters, sorting and pagination
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { listMoviesEndpoint } from "./schema";

export const GET = withApi(listMoviesEndpoint, ({ query, viewer }) =>
  browseTitles(titleFilter("movie", query, catalogAudience(viewer, query)), query.sort, query),
);
