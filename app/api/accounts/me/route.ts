// GET /api/accounts/me – the signed-in account, its subscription and profile limit; PATCH – name and phone;
// DELETE – delete the account and all its data (with the password)
import { deleteAccount } from "@/lib/accounts/account-data";
import { assertCurrentPassword, describeAccount, updatePersonalDetails } from "@/lib/accounts/accounts";
import { withApi } from "@/lib/api/with-api";
import { deleteMeEndpoint, updateMeEndpoint } from "../security-schema";
import { meEndpoint } from "../schema";

export const GET = withApi(meEndpoint, ({ principal }) => describeAccount(principal));

export const PATCH = withApi(updateMeEndpoint, ({ principal, body }) => updatePersonalDetails(principal, body));

export const DELETE = withApi(deleteMeEndpoint, async ({ principal, body, ip }) => {
  await assertCurrentPassword(principal, body.password, ip);
  await deleteAccount(principal.accountId);
  return { deleted: true as const };
});
