// POST /api/accounts/2fa/enable – turn two-factor sign-in on with a code; answers the recovery codes once
import { enableTwoFactor } from "@/lib/accounts/two-factor";
import { withApi } from "@/lib/api/with-api";
import { enableTwoFactorEndpoint } from "../../security-schema";

export const POST = withApi(enableTwoFactorEndpoint, ({ principal, body, ip, userAgent }) => enableTwoFactor(principal, body.code, { ip, userAgent }));
