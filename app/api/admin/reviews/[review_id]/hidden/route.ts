// PUT /api/admin/reviews/<review_id>/hidden – hide a review from every list, or show it again
import { withApi } from "@/lib/api/with-api";
import { hideReview } from "@/lib/reviews/reviews";
import { hideReviewEndpoint } from "../../../../profiles/reviews-schema";

export const PUT = withApi(hideReviewEndpoint, ({ principal, params, body }) => hideReview(principal, params.review_id, body.hidden));
