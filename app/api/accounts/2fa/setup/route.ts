// POST /api/accounts/2fa/setup – a new TOTP secret (otpauth URL and QR code) to enable two-factor sign-in with
import { setUpTwoFactor } from "@/lib/accounts/two-factor";
import { withApi } from "@/lib/api/with-api";
import { setUpTwoFactorEndpoint } from "../../security-schema";

export const POST = withApi(setUpTwoFactorEndpoint, ({ principal }) => setUpTwoFactor(principal));
