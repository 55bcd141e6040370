// GET /api/channels/<channel_id>/schedule?from&to – the programmes airing over a time range
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { getSchedule } from "@/lib/channels/channels";
import { channelScheduleEndpoint } from "../../schema";

export const GET = withApi(channelScheduleEndpoint, ({ params, query, viewer }) =>
  getSchedule(
    params.channel_id,
    catalogAudience(viewer, query),
    { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined },
    { limit: query.limit, offset: query.offset },
  ),
);
