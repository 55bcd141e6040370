// POST /api/admin/channels/<channel_id>/stream-key – a new stream key for a live channel (the old one stops working)
import { withApi } from "@/lib/api/with-api";
import { rotateStreamKey } from "@/lib/channels/admin";
import { rotateStreamKeyEndpoint } from "../../schema";

export const POST = withApi(rotateStreamKeyEndpoint, ({ principal, params }) => rotateStreamKey(principal, params.channel_id));
