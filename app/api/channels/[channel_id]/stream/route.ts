// GET|POST /api/channels/<channel_id>/stream – entitlement checks, a stream lease and a signed live manifest URL
import { withApi, type ApiContext } from "@/lib/api/with-api";
import { startChannelStream } from "@/lib/channels/live-stream";
import { channelStreamEndpoint, channelStreamPostEndpoint } from "../../schema";

const start = ({ viewer, params, userAgent, ip }: ApiContext<typeof channelStreamEndpoint | typeof channelStreamPostEndpoint>) =>
  startChannelStream(viewer, params.channel_id, { userAgent, ip });

export const GET = withApi(channelStreamEndpoint, start);
export const POST = withApi(channelStreamPostEndpoint, start);
