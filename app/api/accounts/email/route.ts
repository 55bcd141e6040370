// PUT /api/accounts/email – change the account's email (409 if another account has it); the new address gets a
// confirmation link and the previous one a notice, after answering
import { after } from "next/server";
import { changeEmail, confirmSensitiveChange } from "@/lib/accounts/accounts";
import { mailEmailChange } from "@/lib/accounts/email-verification";
import { withApi } from "@/lib/api/with-api";
import { changeEmailEndpoint } from "../schema";

export const PUT = withApi(changeEmailEndpoint, async ({ principal, credential, body, ip, userAgent }) => {
  await confirmSensitiveChange(principal, credential, body.current_password, ip);
  const change = await changeEmail(principal, body.email, { ip, userAgent });
  if (change) after(() => mailEmailChange(change));
  return { email: body.email };
});
