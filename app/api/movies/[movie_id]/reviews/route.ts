// GET /api/movies/<movie_id>/reviews – the movie's reviews, with the average and count
import { withApi } from "@/lib/api/with-api";
import { titleReviews } from "@/lib/reviews/reviews";
import { movieReviewsEndpoint } from "../../../profiles/reviews-schema";

export const GET = withApi(movieReviewsEndpoint, ({ viewer, params, query }) => titleReviews(viewer, "movie", params.movie_id, query));
