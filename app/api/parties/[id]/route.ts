// GET|PATCH|DELETE /api/parties/<id> – a party you are in; its options and its end (host only)
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { endParty, getParty, updateOptions } from "@/lib/parties/parties";
import { endPartyEndpoint, getPartyEndpoint, updatePartyEndpoint } from "../schema";

export const GET = withApi(getPartyEndpoint, (ctx) => getParty(callerOf(ctx), ctx.params.id));
export const PATCH = withApi(updatePartyEndpoint, (ctx) => updateOptions(callerOf(ctx), ctx.params.id, ctx.body));
export const DELETE = withApi(endPartyEndpoint, async (ctx) => (await endParty(callerOf(ctx), ctx.params.id), {}));
