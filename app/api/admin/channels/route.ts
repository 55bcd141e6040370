// GET|POST /api/admin/channels – every channel with its schedule; create one
import { withApi } from "@/lib/api/with-api";
import { createChannel, listAdminChannels } from "@/lib/channels/admin";
import { createChannelEndpoint, listAdminChannelsEndpoint } from "./schema";

export const GET = withApi(listAdminChannelsEndpoint, ({ principal }) => listAdminChannels(principal));
export const POST = withApi(createChannelEndpoint, ({ principal, body }) => createChannel(principal, body));
