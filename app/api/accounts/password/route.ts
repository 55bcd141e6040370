// PUT /api/accounts/password – change the password and sign out the account's other sessions
import { changePassword } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { changePasswordEndpoint } from "../schema";

export const PUT = withApi(changePasswordEndpoint, ({ principal, body }) => changePassword(principal, body.password));
