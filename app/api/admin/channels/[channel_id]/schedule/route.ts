// PUT /api/admin/channels/<channel_id>/schedule – replace a channel's schedule (its loop starts again)
import { withApi } from "@/lib/api/with-api";
import { setSchedule } from "@/lib/channels/admin";
import { setChannelScheduleEndpoint } from "../../schema";

export const PUT = withApi(setChannelScheduleEndpoint, ({ principal, params, body }) => setSchedule(principal, params.channel_id, body.items));
