// GET /api/shows – browse TV shows with filters, sorting and pagination
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { listShowsEndpoint } from "./schema";

export const GET = withApi(listShowsEndpoint, ({ query }) => browseTitles(titleFilter("show", query), query.sort, query));
