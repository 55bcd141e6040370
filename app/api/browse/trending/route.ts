// GET /api/browse/trending – movies and shows by popularity
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { trendingEndpoint } from "../schema";

export const GET = withApi(trendingEndpoint, ({ query, viewer }) =>
  browseTitles(titleFilter(undefined, query, catalogAudience(viewer, query)), "popular", query),
);
