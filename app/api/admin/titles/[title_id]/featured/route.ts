// PUT /api/admin/titles/<title_id>/featured – feature a title in the hero carousel, or take it out
import { withApi } from "@/lib/api/with-api";
import { featureTitle } from "@/lib/admin/collections";
import { setTitleFeaturedEndpoint } from "../../../collections/schema";

export const PUT = withApi(setTitleFeaturedEndpoint, ({ principal, params, body }) => featureTitle(principal, params.title_id, body.featured));
