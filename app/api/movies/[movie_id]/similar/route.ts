// GET /api/movies/<movie_id>/similar – more like this movie
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { getSimilar } from "@/lib/catalog/similar";
import { similarMoviesEndpoint } from "../../../browse/similar-schema";

export const GET = withApi(similarMoviesEndpoint, ({ params, query, viewer }) =>
  getSimilar("movie", params.movie_id, catalogAudience(viewer, {}), viewer, query),
);
