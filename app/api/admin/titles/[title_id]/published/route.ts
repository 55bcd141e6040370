// PUT /api/admin/titles/<title_id>/published – publish or unpublish
import { setPublished } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { publishTitleEndpoint } from "../../../catalog/schema";

export const PUT = withApi(publishTitleEndpoint, ({ principal, params, body }) => setPublished(principal, params.title_id, body.published));
