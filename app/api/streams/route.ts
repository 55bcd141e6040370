// GET /api/streams – the account's live streams (what counts against the plan's limit)
import { withApi } from "@/lib/api/with-api";
import { listStreams } from "@/lib/playback/streams";
import { listStreamsEndpoint } from "./schema";

export const GET = withApi(listStreamsEndpoint, ({ principal }) => listStreams(principal));
