// PUT /api/admin/titles/<title_id>/credits – replace cast and crew
import { setCredits } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { setCreditsEndpoint } from "../../../catalog/schema";

export const PUT = withApi(setCreditsEndpoint, ({ principal, params, body }) => setCredits(principal, params.title_id, body.credits));
