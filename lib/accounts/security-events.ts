import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { findAccountById } from "@/db/queries/accounts";
import { hasKnownDevices, insertSecurityEvent, listSecurityEvents, rememberDevice } from "@/db/queries/security-events";
import { findSessionById } from "@/db/queries/sessions";
import type { Transaction } from "@/db/client";
import type { Account, Session, securityEventKind } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { composeMail } from "@/lib/mail/html";
import { sendMail } from "@/lib/mail/mailer";
import { accountMailLocale } from "@/lib/notifications/notify";
import { notifyNewDevice } from "@/lib/notifications/triggers";
import type { Locale } from "@/lib/i18n/locale";
import { formatFor, translator } from "@/lib/i18n/translator";
import { authSecret } from "@/lib/site/auth-secret";

// The account's security log (shown on /account/security) and the login alert mailed on a sign-in from a new device.

export type SecurityEventKind = (typeof securityEventKind.enumValues)[number];

type Device = { ip?: string; userAgent?: string };

export async function recordSecurityEvent(
  accountId: string,
  kind: SecurityEventKind,
  device: Device,
  sessionId?: string,
  detail?: string,
): Promise<void> {
  await insertSecurityEvent({ accountId, kind, sessionId, ip: device.ip, userAgent: device.userAgent?.slice(0, 512), detail });
}

export async function recentSecurityEvents(accountId: string, limit = 20, offset = 0) {
  const { rows, total } = await listSecurityEvents(accountId, limit, offset);
  const items = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    session_id: row.sessionId,
    ip: row.ip,
    user_agent: row.userAgent,
    detail: row.detail,
    created_at: row.createdAt.toISOString(),
  }));
  return { items, total, limit, offset };
}

/** Signs a session id, so a link in a login alert can end that session without signing in first. */
const endSessionSignature = (sessionId: string) =>
  createHmac("sha256", authSecret()).update(`end-session:${sessionId}`).digest("base64url");

export function isEndSessionTokenValid(sessionId: string, token: string): boolean {
  const expected = Buffer.from(endSessionSignature(sessionId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const endSessionLink = (sessionId: string) =>
  `${appUrl}/end-session?session=${sessionId}&token=${endSessionSignature(sessionId)}`;

/** The login alert in `locale` (English keeps the raw user agent and the UTC time as they always read). */
function loginAlertMail(account: Account, session: Session, locale: Locale) {
  const t = translator(locale);
  const f = formatFor(locale);
  const link = endSessionLink(session.id);
  const unknown = t("mail.loginAlert.unknown");
  const device = locale === "en" ? (session.userAgent ?? unknown) : f.userAgent(session.userAgent);
  const time = locale === "en" ? session.createdAt.toUTCString() : f.dateTime(session.createdAt.toISOString());
  const lines = [
    t("mail.hi", { username: account.displayName ?? account.username }),
    t("mail.loginAlert.intro"),
    t("mail.loginAlert.device", { device }),
    t("mail.loginAlert.ip", { ip: session.ip ?? unknown }),
    t("mail.loginAlert.time", { time }),
    t("mail.loginAlert.action"),
    link,
  ];
  return composeMail(t("mail.loginAlert.subject"), lines, { url: link, text: t("mail.loginAlert.link") });
}

const deviceHash = (userAgent: string | null) => createHash("sha256").update(userAgent ?? "").digest("hex");

/**
 * THE new-device rule, run in the transaction that creates a session: remembers the session's device (its user agent)
 * for the account, and when the account had signed in before but never from this device, creates the in-site "new
 * sign-in" notification. True for such a new device (the caller mails the login alert once the sign-in is done).
 */
export async function rememberSessionDevice(tx: Transaction, session: Session): Promise<boolean> {
  const seenBefore = await hasKnownDevices(session.accountId, tx);
  const isNew = await rememberDevice(session.accountId, deviceHash(session.userAgent), tx);
  if (!seenBefore || !isNew) return false;
  await notifyNewDevice(tx, session);
  return true;
}

/**
 * After a successful sign-in (site, API or single sign-on): logs it, and for a new device (`rememberSessionDevice`)
 * mails a login alert unless the owner turned alerts off. A failed alert is logged, never thrown: the sign-in has
 * happened.
 */
export async function noteSignIn(accountId: string, { session, newDevice }: { session: Session; newDevice: boolean }, ssoProvider?: string): Promise<void> {
  const device = { ip: session.ip ?? undefined, userAgent: session.userAgent ?? undefined };
  await recordSecurityEvent(accountId, ssoProvider ? "sso_sign_in" : "sign_in", device, session.id, ssoProvider);
  if (!newDevice) return;
  try {
    const account = await findAccountById(accountId);
    if (account?.loginAlerts) await sendMail({ to: account.email, ...loginAlertMail(account, session, await accountMailLocale(account.id)) });
  } catch (error) {
    console.error(`login alert mail failed: ${(error as Error).message}`);
  }
}

/** Whether the account wants to hear about sign-ins from new devices (mail here; in-site notifications use it too). */
export async function loginAlertsEnabled(accountId: string): Promise<boolean> {
  return (await findAccountById(accountId))?.loginAlerts ?? false;
}

/** The session a login alert's link names, when the link is genuine (its signature matches). */
export async function sessionFromAlertLink(sessionId: string, token: string) {
  if (!z.uuid().safeParse(sessionId).success || !isEndSessionTokenValid(sessionId, token)) return undefined;
  return findSessionById(sessionId);
}
