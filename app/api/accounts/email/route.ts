// PUT /api/accounts/email – change the account's email (409 if another account has it)
import { changeEmail, confirmSensitiveChange } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { changeEmailEndpoint } from "../schema";

export const PUT = withApi(changeEmailEndpoint, async ({ principal, credential, body, ip, userAgent }) => {
  await confirmSensitiveChange(principal, credential, body.current_password, ip);
  await changeEmail(principal, body.email, { ip, userAgent });
  return { email: body.email };
});
