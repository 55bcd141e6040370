// GET /api/search – typo-tolerant search across titles, episodes and people
import { withApi } from "@/lib/api/with-api";
import { maturityLimit } from "@/lib/catalog/viewer";
import { search } from "@/lib/catalog/search";
import { searchEndpoint } from "../browse/schema";

export const GET = withApi(searchEndpoint, async ({ query, principal }) =>
  search(query.q, { kind: query.type, maxMaturityLevel: await maturityLimit(principal, query), limit: query.limit }),
);
