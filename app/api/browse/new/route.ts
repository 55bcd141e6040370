// GET /api/browse/new – movies and shows newest on NormFlix first
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { maturityLimit } from "@/lib/catalog/viewer";
import { newEndpoint } from "../schema";

export const GET = withApi(newEndpoint, async ({ query, principal }) =>
  browseTitles(titleFilter(undefined, query, await maturityLimit(principal, query)), "new", query),
);
