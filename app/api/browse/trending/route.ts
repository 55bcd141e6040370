// GET /api/browse/trending – movies and shows most watched in a timeframe, recent viewing first
import { withApi } from "@/lib/api/with-api";
import { titleFilter } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { browseTrending } from "@/lib/catalog/trending";
import { trendingEndpoint } from "../schema";

export const GET = withApi(trendingEndpoint, ({ query, viewer }) =>
  browseTrending(titleFilter(undefined, query, catalogAudience(viewer, query)), query.timeframe, query),
);
