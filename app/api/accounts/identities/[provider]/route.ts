// DELETE /api/accounts/identities/<provider> – unlink the account's identity at that provider
import { unlinkIdentity } from "@/lib/accounts/identities";
import { withApi } from "@/lib/api/with-api";
import { unlinkIdentityEndpoint } from "../schema";

export const DELETE = withApi(unlinkIdentityEndpoint, async ({ principal, params, ip, userAgent }) => {
  await unlinkIdentity(principal, params.provider, { ip, userAgent });
  return { unlinked: true as const };
});
