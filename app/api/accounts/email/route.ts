// PUT /api/accounts/email – change the account's email (409 if another account has it)
import { changeEmail } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { changeEmailEndpoint } from "../schema";

export const PUT = withApi(changeEmailEndpoint, async ({ principal, body }) => {
  await changeEmail(principal, body.email);
  return { email: body.email };
});
