// GET /api/movies/<movie_id> – one movie with cast, directors, subtitles and qualities
import { withApi } from "@/lib/api/with-api";
import { getMovie } from "@/lib/catalog/catalog";
import { maturityLimit } from "@/lib/catalog/viewer";
import { getMovieEndpoint } from "../schema";

export const GET = withApi(getMovieEndpoint, async ({ params, query, principal }) =>
  getMovie(params.movie_id, await maturityLimit(principal, query)),
);
