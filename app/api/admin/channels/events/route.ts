// GET /api/admin/channels/events – every channel with its ingest status, live (server-sent events)
import { withApi } from "@/lib/api/with-api";
import { streamChannelEvents } from "@/lib/channels/admin";
import { channelEventsEndpoint } from "../schema";

export const dynamic = "force-dynamic";

export const GET = withApi(channelEventsEndpoint, ({ principal, req }) => streamChannelEvents(principal, req.signal));
