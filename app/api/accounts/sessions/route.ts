// GET /api/accounts/sessions – the account's devices; DELETE – sign out every other device
import { listDevices, signOutOtherDevices } from "@/lib/accounts/sessions";
import { withApi } from "@/lib/api/with-api";
import { listSessionsEndpoint, revokeOtherSessionsEndpoint } from "../schema";

export const GET = withApi(listSessionsEndpoint, async ({ principal }) => ({ items: await listDevices(principal) }));

export const DELETE = withApi(revokeOtherSessionsEndpoint, async ({ principal }) => ({
  signed_out_sessions: await signOutOtherDevices(principal),
}));
