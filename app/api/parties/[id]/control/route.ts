// POST /api/parties/<id>/control – play, pause or seek for everyone (host only)
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { control } from "@/lib/parties/parties";
import { controlPartyEndpoint } from "../../schema";

export const POST = withApi(controlPartyEndpoint, (ctx) => control(callerOf(ctx), ctx.params.id, ctx.body));
