import "server-only";
import { findAccountById, updateAccountSettings } from "@/db/queries/accounts";
import type { Account } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { recordSecurityEvent } from "./security-events";
import { forgetCachedSessions, type Principal } from "./sessions";

/** The choices the site offers for auto-logout, in minutes (the API takes any whole number of minutes from 5). */
export const AUTO_LOGOUT_CHOICES = [15, 30, 60, 240, 720, 1440, 10_080] as const;

export type SecuritySettings = { two_factor_enabled: boolean; login_alerts: boolean; auto_logout_minutes: number | null };

const settingsOf = (account: Account): SecuritySettings => ({
  two_factor_enabled: account.totpEnabledAt !== null,
  login_alerts: account.loginAlerts,
  auto_logout_minutes: account.autoLogoutMinutes,
});

export async function getSecuritySettings(accountId: string): Promise<SecuritySettings> {
  const account = await findAccountById(accountId);
  if (!account) throw new ApiError("forbidden");
  return settingsOf(account);
}

/**
 * Changes login alerts and the idle timeout. A shorter timeout applies to every session at once, this one included:
 * the cached principals are dropped so the next request re-checks against it.
 */
export async function updateSecuritySettings(
  principal: Principal,
  changes: { login_alerts?: boolean; auto_logout_minutes?: number | null },
  device: { ip: string; userAgent?: string },
): Promise<SecuritySettings> {
  const account = await updateAccountSettings(principal.accountId, {
    loginAlerts: changes.login_alerts,
    autoLogoutMinutes: changes.auto_logout_minutes,
  });
  if (!account) throw new ApiError("forbidden");
  if (changes.auto_logout_minutes !== undefined) forgetCachedSessions(principal.accountId);
  await recordSecurityEvent(principal.accountId, "settings_changed", device, principal.sessionId);
  return settingsOf(account);
}
