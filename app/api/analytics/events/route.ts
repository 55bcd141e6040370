// POST /api/analytics/events – a batch of client playback events
import { ingestEvents } from "@/lib/analytics/events";
import { withApi } from "@/lib/api/with-api";
import { postEventsEndpoint } from "../schema";

export const POST = withApi(postEventsEndpoint, ({ principal, body }) => ingestEvents(principal, body.events));
