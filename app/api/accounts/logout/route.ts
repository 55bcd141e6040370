// POST /api/accounts/logout – revoke the calling bearer token
import { signOutDevice } from "@/lib/accounts/sessions";
import { withApi } from "@/lib/api/with-api";
import { logoutEndpoint } from "../schema";

export const POST = withApi(logoutEndpoint, async ({ principal }) => {
  await signOutDevice(principal, principal.sessionId);
  return {};
});
