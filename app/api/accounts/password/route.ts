// PUT /api/accounts/password – change the password and sign out the account's other sessions
import { changePassword, confirmSensitiveChange } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { changePasswordEndpoint } from "../schema";

export const PUT = withApi(changePasswordEndpoint, async ({ principal, credential, body, ip, userAgent }) => {
  await confirmSensitiveChange(principal, credential, body.current_password, ip);
  return changePassword(principal, body.password, { ip, userAgent });
});
