// GET /api/movies/<movie_id> – one movie with cast, directors, subtitles and qualities
import { withApi } from "@/lib/api/with-api";
import { getMovie } from "@/lib/catalog/catalog";
import { getMovieEndpoint } from "../schema";

export const GET = withApi(getMovieEndpoint, ({ params }) => getMovie(params.movie_id));
