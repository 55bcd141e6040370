// GET /api/shows – browse TV shows with filters, sorting and pagination
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { listShowsEndpoint } from "./schema";

export const GET = withApi(listShowsEndpoint, ({ query, viewer }) =>
  browseTitles(titleFilter("show", query, catalogAudience(viewer, query)), query.sort, query),
);
