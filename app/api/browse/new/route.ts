// GET /api/browse/new – movies and shows newest on NormFlix first
import { withApi } from "@/lib/api/with-api";
import { browseTitles, titleFilter } from "@/lib/catalog/catalog";
import { newEndpoint } from "../schema";

export const GET = withApi(newEndpoint, ({ query }) => browseTitles(titleFilter(undefined, query), "new", query));
