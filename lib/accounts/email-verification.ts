import "server-only";
import { randomBytes } from "node:crypto";
import { findAccountById } from "@/db/queries/accounts";
import { insertEmailVerification, redeemEmailVerification } from "@/db/queries/email-verifications";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { appUrl, env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { composeMail } from "@/lib/mail/html";
import { sendMail } from "@/lib/mail/mailer";
import { hashToken } from "./sessions";

// Confirming an address: sign-up and every email change mail a single-use link, valid EMAIL_VERIFICATION_TTL_HOURS,
// to the new address (only the token's SHA-256 is stored, with the address it confirms). An unconfirmed account can
// watch; the site asks it to confirm, with a button to send the link again. The link opens a page with a button
// (opening it alone confirms nothing, so a mail scanner fetching links spends no token), which calls
// POST /api/accounts/email/verify.

const TOKEN_PREFIX = "nfv_";
/** One mail per account per minute, however often "resend" is pressed. */
const MIN_INTERVAL_SECONDS = 60;

function verificationMail(username: string, link: string, locale: Locale) {
  const t = translator(locale);
  const lines = [t("mail.hi", { username }), t("mail.verify.body", { hours: env.EMAIL_VERIFICATION_TTL_HOURS }), link, t("mail.verify.notYou")];
  return composeMail(t("mail.verify.subject"), lines, { url: link, text: t("mail.verify.link") });
}

/**
 * Mails a confirmation link for the account's current address; `sent` false when the address is confirmed already
 * (or the account is gone), `retryAfter` when a link went out less than `minIntervalSeconds` ago.
 */
async function sendVerificationLink(accountId: string, minIntervalSeconds: number, locale: Locale): Promise<{ sent: boolean; retryAfter?: number }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + env.EMAIL_VERIFICATION_TTL_HOURS * 3600_000);
  const issued = await insertEmailVerification({ accountId, tokenHash: hashToken(token), expiresAt }, minIntervalSeconds);
  if (issued === false) return { sent: false, retryAfter: minIntervalSeconds };
  if (!issued) return { sent: false };
  await sendMail({ to: issued.email, ...verificationMail(issued.username, `${appUrl}/verify-email?token=${token}`, locale) });
  return { sent: true };
}

/**
 * For sign-up and email changes (a new address gets its link at once), run after answering: a mail failure is logged,
 * never thrown (the change is made).
 */
export async function mailVerificationLink(accountId: string, locale: Locale = "en"): Promise<void> {
  await sendVerificationLink(accountId, 0, locale).catch((error: Error) => console.error(`verification mail failed: ${error.message}`));
}

/** The address the signed-in account has yet to confirm (the site's banner), or undefined once it is confirmed. */
export async function addressToConfirm(principal: Principal): Promise<string | undefined> {
  const account = await findAccountById(principal.accountId);
  return account && !account.emailVerifiedAt ? account.email : undefined;
}

/** POST /api/accounts/email/verification: the link again, for the signed-in account. */
export async function resendVerificationLink(principal: Principal, locale: Locale = "en") {
  const result = await sendVerificationLink(principal.accountId, MIN_INTERVAL_SECONDS, locale);
  if (result.retryAfter) {
    throw new ApiError("rate_limited", "A link was sent less than a minute ago. Check your inbox, or try again in a minute.", undefined, {
      "Retry-After": String(result.retryAfter),
    });
  }
  if (!result.sent) throw new ApiError("email_already_verified", "This account's email address is confirmed already.");
  return { sent: true as const };
}

/** POST /api/accounts/email/verify: spends the link's token; needs no sign-in (the token is the proof). */
export async function verifyEmail(token: string) {
  const confirmed = token.startsWith(TOKEN_PREFIX) ? await redeemEmailVerification(hashToken(token)) : undefined;
  if (!confirmed) {
    throw new ApiError("verification_link_invalid", "This link has expired, was already used, or is for an address the account no longer has. Sign in to send a new one.");
  }
  return { email: confirmed.email, email_verified: true as const };
}

export type EmailChange = { accountId: string; username: string; previous: string; email: string };

/**
 * After an address change (run after answering; failures are logged): a confirmation link to the new address, and a
 * notice to the previous one.
 */
export async function mailEmailChange(change: EmailChange, locale: Locale = "en"): Promise<void> {
  await mailVerificationLink(change.accountId, locale);
  const reset = `${appUrl}/forgot-password`;
  const t = translator(locale);
  const lines = [t("mail.hi", { username: change.username }), t("mail.emailChanged.body", { email: change.email }), t("mail.emailChanged.notYou"), reset];
  const mail = composeMail(t("mail.emailChanged.subject"), lines, { url: reset, text: t("mail.emailChanged.link") });
  await sendMail({ to: change.previous, ...mail }).catch((error: Error) => console.error(`email change notice failed: ${error.message}`));
}
