// DELETE /api/streams/<stream_id> – end a stream's lease
import { withApi } from "@/lib/api/with-api";
import { stopStream } from "@/lib/playback/streams";
import { endStreamEndpoint } from "../schema";

export const DELETE = withApi(endStreamEndpoint, ({ principal, params }) => stopStream(principal, params.stream_id));
