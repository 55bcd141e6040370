// GET /api/profiles/<name>/stats – the profile's viewing activity (watch time by day, hour and genre; completion)
import { withApi } from "@/lib/api/with-api";
import { profileStats } from "@/lib/analytics/profile-stats";
import { profileStatsEndpoint } from "../../stats-schema";

export const GET = withApi(profileStatsEndpoint, ({ viewer, query }) => profileStats(viewer, query.timeframe, query.time_zone));
