// GET /api/channels/<channel_id> – one channel with what is on now and next
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { getChannel } from "@/lib/channels/channels";
import { getChannelEndpoint } from "../schema";

export const GET = withApi(getChannelEndpoint, ({ params, query, viewer }) => getChannel(params.channel_id, catalogAudience(viewer, query)));
