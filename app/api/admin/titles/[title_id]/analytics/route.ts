// GET /api/admin/titles/<title_id>/analytics – one title's views, viewers, completion, thumbs, watchlist adds, devices, plans
import { titleReport } from "@/lib/admin/analytics";
import { withApi } from "@/lib/api/with-api";
import { titleAnalyticsEndpoint } from "../../../analytics/schema";

export const GET = withApi(titleAnalyticsEndpoint, ({ principal, params, query }) => titleReport(principal, params.title_id, query.days));
