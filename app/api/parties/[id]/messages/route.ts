// GET|POST /api/parties/<id>/messages – the party's chat
import { withApi } from "@/lib/api/with-api";
import { callerOf } from "@/lib/parties/caller";
import { messageHistory, postMessage } from "@/lib/parties/chat";
import { listMessagesEndpoint, postMessageEndpoint } from "../../schema";

export const GET = withApi(listMessagesEndpoint, (ctx) => messageHistory(callerOf(ctx), ctx.params.id, ctx.query));
export const POST = withApi(postMessageEndpoint, (ctx) => postMessage(callerOf(ctx), ctx.params.id, ctx.body.text));
