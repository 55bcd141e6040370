import "server-only";
import { randomBytes } from "node:crypto";
import { findAccountByEmail, findAccountByUsername } from "@/db/queries/accounts";
import { insertPasswordReset, isPasswordResetLive, redeemPasswordReset } from "@/db/queries/password-resets";
import { ApiError } from "@/lib/api/errors";
import { appUrl, env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { composeMail } from "@/lib/mail/html";
import { sendMail } from "@/lib/mail/mailer";
import { clearLoginFailures } from "./login-throttle";
import { hashPassword } from "./password";
import { recordSecurityEvent } from "./security-events";
import { forgetCachedSessions, hashToken } from "./sessions";

// Forgotten passwords: a single-use link, valid PASSWORD_RESET_TTL_MINUTES, mailed to the account's address. Only the
// token's SHA-256 is stored. Redeeming it sets the password and signs out every device.

const TOKEN_PREFIX = "nfr_";
/** One mail per account per minute, however often the form is sent (the API's auth rate limit caps it per client). */
const MIN_INTERVAL_SECONDS = 60;

async function issueLink(accountId: string, minIntervalSeconds: number): Promise<string | undefined> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + env.PASSWORD_RESET_TTL_MINUTES * 60_000);
  const issued = await insertPasswordReset({ accountId, tokenHash: hashToken(token), expiresAt }, minIntervalSeconds);
  return issued ? `${appUrl}/reset-password?token=${token}` : undefined;
}

function resetMail(username: string, link: string, locale: Locale) {
  const t = translator(locale);
  const lines = [t("mail.hi", { username }), t("mail.reset.body", { minutes: env.PASSWORD_RESET_TTL_MINUTES }), link, t("mail.reset.notYou")];
  return composeMail(t("mail.reset.subject"), lines, { url: link, text: t("mail.reset.link") });
}

/**
 * Mails a reset link when an enabled account uses `email`; does nothing otherwise. Callers answer the same either way
 * and run this after answering, so the form tells nobody which addresses have accounts; it therefore never throws,
 * and a failure (database, mail server) is logged.
 */
export async function requestPasswordReset(email: string, locale: Locale = "en"): Promise<void> {
  try {
    const account = await findAccountByEmail(email);
    if (!account || account.disabledAt) return;
    const link = await issueLink(account.id, MIN_INTERVAL_SECONDS);
    if (link) await sendMail({ to: account.email, ...resetMail(account.username, link, locale) });
  } catch (error) {
    console.error(`password reset mail failed: ${(error as Error).message}`);
  }
}

/** An administrator's way in for a user without mail: a reset link for the account, to hand over in person. */
export async function createPasswordResetLink(username: string): Promise<{ link: string; expiresInMinutes: number }> {
  const account = await findAccountByUsername(username);
  if (!account) throw new Error(`No account is called ${username}.`);
  if (account.disabledAt) throw new Error(`${account.username} is disabled: enable the account first.`);
  const link = await issueLink(account.id, 0);
  return { link: link!, expiresInMinutes: env.PASSWORD_RESET_TTL_MINUTES };
}

/** Whether a reset link's token can still be used, so the page can say so before anyone types a new password. */
export const isResetTokenLive = async (token: string) => token.startsWith(TOKEN_PREFIX) && isPasswordResetLive(hashToken(token));

/**
 * Sets a new password with a reset token and signs out every session of the account; failed sign-ins counted against
 * it (from the device's IP, and account-wide) are forgotten.
 */
export async function resetPassword(token: string, password: string, device: { ip: string; userAgent?: string }): Promise<{ signed_out_sessions: number }> {
  const passwordHash = await hashPassword(password);
  const redeemed = token.startsWith(TOKEN_PREFIX) ? await redeemPasswordReset(hashToken(token), passwordHash) : undefined;
  if (!redeemed) throw new ApiError("reset_link_invalid", "This reset link has expired or was already used. Ask for a new one.");
  forgetCachedSessions(redeemed.accountId);
  await clearLoginFailures(redeemed.username, device.ip);
  await recordSecurityEvent(redeemed.accountId, "password_reset", device);
  return { signed_out_sessions: redeemed.revokedSessions };
}
