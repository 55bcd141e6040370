// POST /api/parties/<id>/reactions – an emoji reaction
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { react } from "@/lib/parties/chat";
import { reactEndpoint } from "../../schema";

export const POST = withApi(reactEndpoint, (ctx) => react(callerOf(ctx), ctx.params.id, ctx.body.emoji, ctx.body.position));
