// POST /api/parties/<id>/typing – the member is (no longer) typing
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { setTyping } from "@/lib/parties/chat";
import { typingEndpoint } from "../../schema";

export const POST = withApi(typingEndpoint, (ctx) => setTyping(callerOf(ctx), ctx.params.id, ctx.body.typing));
