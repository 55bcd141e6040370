// GET /api/admin/analytics – viewing per day, watch hours, top titles, completion rate, plan mix
import { viewingReport } from "@/lib/admin/analytics";
import { withApi } from "@/lib/api/with-api";
import { analyticsEndpoint } from "./schema";

export const GET = withApi(analyticsEndpoint, ({ principal, query }) => viewingReport(principal, query.days));
