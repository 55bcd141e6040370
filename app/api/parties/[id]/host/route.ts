// POST /api/parties/<id>/host – hand the host role to another member
import { withApi } from "@/lib/api/with-api";
import { actingCallerOf } from "@/lib/parties/caller";
import { transferHost } from "@/lib/parties/parties";
import { transferHostEndpoint } from "../../schema";

// The body's `profile` names the new host, so the acting profile comes from the query only (not withApi's lookup).
export const POST = withApi(transferHostEndpoint, async (ctx) => transferHost(await actingCallerOf(ctx, ctx.query.profile), ctx.params.id, ctx.body.profile));
