// GET /api/search – typo-tolerant search across titles, episodes and people
import { withApi } from "@/lib/api/with-api";
import { maturityLevel } from "@/lib/catalog/maturity";
import { search } from "@/lib/catalog/search";
import { searchEndpoint } from "../browse/schema";

export const GET = withApi(searchEndpoint, ({ query }) =>
  search(query.q, {
    kind: query.type,
    maxMaturityLevel: query.max_maturity_rating && maturityLevel(query.max_maturity_rating),
    limit: query.limit,
  }),
);
