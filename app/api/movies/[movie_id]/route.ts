// GET /api/movies/<movie_id> – one movie with cast, directors, subtitles and qualities
import { withApi } from "@/lib/api/with-api";
import { getMovie } from "@/lib/catalog/catalog";
import { catalogAudience } from "@/lib/catalog/audience";
import { getMovieEndpoint } from "../schema";

export const GET = withApi(getMovieEndpoint, ({ params, query, viewer, principal }) =>
  getMovie(params.movie_id, catalogAudience(viewer, query), principal?.accountId),
);
