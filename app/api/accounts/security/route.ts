// GET|PATCH /api/accounts/security – the account's security settings (login alerts, auto-logout, whether 2FA is on)
import { getSecuritySettings, updateSecuritySettings } from "@/lib/accounts/security-settings";
import { withApi } from "@/lib/api/with-api";
import { getSecuritySettingsEndpoint, updateSecuritySettingsEndpoint } from "../security-schema";

export const GET = withApi(getSecuritySettingsEndpoint, ({ principal }) => getSecuritySettings(principal.accountId));

export const PATCH = withApi(updateSecuritySettingsEndpoint, ({ principal, body, ip, userAgent }) =>
  updateSecuritySettings(principal, body, { ip, userAgent }),
);
