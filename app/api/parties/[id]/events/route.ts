// GET /api/parties/<id>/events – the party's events, live (server-sent events)
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { partyEvents } from "@/lib/parties/events";
import { partyEventsEndpoint } from "../../schema";

export const dynamic = "force-dynamic";

export const GET = withApi(partyEventsEndpoint, (ctx) => partyEvents(callerOf(ctx), ctx.params.id, ctx.req));
