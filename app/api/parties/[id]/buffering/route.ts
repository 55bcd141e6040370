// POST /api/parties/<id>/buffering – the member's player is (no longer) rebuffering
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { reportBuffering } from "@/lib/parties/parties";
import { bufferingEndpoint } from "../../schema";

export const POST = withApi(bufferingEndpoint, (ctx) => reportBuffering(callerOf(ctx), ctx.params.id, ctx.body.buffering));
