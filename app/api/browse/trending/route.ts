// GET /api/browse/trending – movies and shows by popularity
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { maturityLimit } from "@/lib/catalog/viewer";
import { trendingEndpoint } from "../schema";

export const GET = withApi(trendingEndpoint, async ({ query, principal }) =>
  browseTitles(titleFilter(undefined, query, await maturityLimit(principal, query)), "popular", query),
);
