// GET /api/search – typo-tolerant search across titles, episodes and people
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { search } from "@/lib/catalog/search";
import { searchEndpoint } from "../browse/schema";

export const GET = withApi(searchEndpoint, ({ query, viewer }) =>
  search(query.q, { kind: query.type, audience: catalogAudience(viewer, query), limit: query.limit }),
);
