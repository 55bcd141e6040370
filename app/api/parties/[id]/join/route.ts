// POST /api/parties/<code>/join – join a watch party by its code (or id)
import { withApi } from "@/lib/api/with-api";
import { joinParty } from "@/lib/parties/parties";
import { joinPartyEndpoint } from "../../schema";

export const POST = withApi(joinPartyEndpoint, ({ viewer, params, userAgent, ip }) => joinParty(viewer, params.id, { userAgent, ip }));
