// POST /api/accounts/2fa/disable – turn two-factor sign-in off with the password and a code
import { assertCurrentPassword } from "@/lib/accounts/accounts";
import { disableTwoFactor } from "@/lib/accounts/two-factor";
import { withApi } from "@/lib/api/with-api";
import { disableTwoFactorEndpoint } from "../../security-schema";

export const POST = withApi(disableTwoFactorEndpoint, async ({ principal, body, ip, userAgent }) => {
  await assertCurrentPassword(principal, body.password, ip);
  return disableTwoFactor(principal, body, { ip, userAgent });
});
