// GET /api/profiles/<name>/recommendations – titles for this profile, each with the reason
import { withApi } from "@/lib/api/with-api";
import { getRecommendations } from "@/lib/profiles/recommendations";
import { recommendationsEndpoint } from "../../lists-schema";

export const GET = withApi(recommendationsEndpoint, ({ viewer, query }) => getRecommendations(viewer, query.limit));
