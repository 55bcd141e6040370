// GET /api/browse/trending – movies and shows by popularity
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { trendingEndpoint } from "../schema";

export const GET = withApi(trendingEndpoint, ({ query }) => browseTitles(titleFilter(undefined, query), "popular", query));
