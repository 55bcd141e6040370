// GET /api/movies – browse movies with filters, sorting and pagination
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { listMoviesEndpoint } from "./schema";

export const GET = withApi(listMoviesEndpoint, ({ query }) => browseTitles(titleFilter("movie", query), query.sort, query));
