// POST /api/parties/<id>/leave – leave a party
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { leaveParty } from "@/lib/parties/parties";
import { leavePartyEndpoint } from "../../schema";

export const POST = withApi(leavePartyEndpoint, (ctx) => leaveParty(callerOf(ctx), ctx.params.id));
