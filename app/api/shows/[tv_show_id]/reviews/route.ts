// GET /api/shows/<tv_show_id>/reviews – the show's reviews, with the average and count
import { withApi } from "@/lib/api/with-api";
import { titleReviews } from "@/lib/reviews/reviews";
import { showReviewsEndpoint } from "../../../profiles/reviews-schema";

export const GET = withApi(showReviewsEndpoint, ({ viewer, params, query }) => titleReviews(viewer, "show", params.tv_show_id, query));
