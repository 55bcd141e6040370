// GET|PUT|DELETE /api/profiles/<name>/reviews/<type>/<id> – the profile's review of a movie or show
import { withApi } from "@/lib/api/with-api";
import { getOwnReview, removeReview, writeReview } from "@/lib/reviews/reviews";
import { deleteReviewEndpoint, ownReviewEndpoint, writeReviewEndpoint } from "../../../../reviews-schema";

export const GET = withApi(ownReviewEndpoint, ({ viewer, params }) => getOwnReview(viewer, params.type, params.id));
export const PUT = withApi(writeReviewEndpoint, ({ viewer, params, body }) => writeReview(viewer, params.type, params.id, body));
export const DELETE = withApi(deleteReviewEndpoint, ({ viewer, params }) => removeReview(viewer, params.type, params.id));
