// POST /api/parties/<id>/invites – invite another member by username
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { inviteToParty } from "@/lib/parties/invites";
import { inviteEndpoint } from "../../schema";

export const POST = withApi(inviteEndpoint, (ctx) => inviteToParty(callerOf(ctx), ctx.params.id, ctx.body.username));
