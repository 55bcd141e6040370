// GET /api/genres – genres that have titles, with counts
import { withApi } from "@/lib/api/with-api";
import { listGenres } from "@/lib/catalog/catalog";
import { maturityLevel } from "@/lib/catalog/maturity";
import { genresEndpoint } from "../browse/schema";

export const GET = withApi(genresEndpoint, ({ query }) =>
  listGenres(query.max_maturity_rating && maturityLevel(query.max_maturity_rating)),
);
