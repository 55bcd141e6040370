// PATCH|DELETE /api/admin/channels/<channel_id> – change or delete a channel
import { withApi } from "@/lib/api/with-api";
import { editChannel, removeChannel } from "@/lib/channels/admin";
import { deleteChannelEndpoint, updateChannelEndpoint } from "../schema";

export const PATCH = withApi(updateChannelEndpoint, ({ principal, params, body }) => editChannel(principal, params.channel_id, body));
export const DELETE = withApi(deleteChannelEndpoint, ({ principal, params }) => removeChannel(principal, params.channel_id));
