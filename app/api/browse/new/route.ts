// GET /api/browse/new – movies and shows newest on NormFlix first
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { newEndpoint } from "../schema";

export const GET = withApi(newEndpoint, ({ query, viewer }) =>
  browseTitles(titleFilter(undefined, query, catalogAudience(viewer, query)), "new", query),
);
