// DELETE /api/accounts/sessions/<session_id> – sign out one device
import { signOutDevice } from "@/lib/accounts/sessions";
import { withApi } from "@/lib/api/with-api";
import { revokeSessionEndpoint } from "../../schema";

export const DELETE = withApi(revokeSessionEndpoint, async ({ principal, params }) => {
  await signOutDevice(principal, params.session_id);
  return {};
});
