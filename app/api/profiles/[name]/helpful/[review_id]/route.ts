// PUT|DELETE /api/profiles/<name>/helpful/<review_id> – mark another profile's review helpful, or take it back
import { withApi } from "@/lib/api/with-api";
import { markHelpful } from "@/lib/reviews/reviews";
import { markHelpfulEndpoint, unmarkHelpfulEndpoint } from "../../../reviews-schema";

export const PUT = withApi(markHelpfulEndpoint, ({ viewer, params }) => markHelpful(viewer, params.review_id, true));
export const DELETE = withApi(unmarkHelpfulEndpoint, ({ viewer, params }) => markHelpful(viewer, params.review_id, false));
