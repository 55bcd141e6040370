import "server-only";
import { db, type Database, type Transaction } from "@/db/client";
import { createTranslator } from "next-intl";
import { insertNotificationEmails, insertNotifications, profileLanguagesOf, settingsOf, type NotificationType } from "@/db/queries/notifications";
import type { Notification } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { DEFAULT_LOCALE, siteLocale, type Locale } from "@/lib/i18n/locale";
import { formatFor, MESSAGES } from "@/lib/i18n/translator";
import { publish } from "@/lib/realtime";
import { channelsFor, mailableAt } from "./settings";
import { notificationWords, type NotificationWordsT } from "./words";

// The one way any feature tells someone something. Call it inside the transaction of the event itself, so the
// notification exists exactly when the event does; its dedupe key makes a retry or a replay write nothing new.

export type NotificationInput = {
  accountId: string;
  /** The profile it concerns, when it concerns one. */
  profileId?: string | null;
  type: NotificationType;
  title: string;
  body: string;
  /** The site path it is about, e.g. /title/show/<id>. */
  url: string;
  data?: Record<string, unknown>;
  /** Names the event and the recipient: the same key never notifies twice. */
  dedupeKey: string;
};

export const NOTIFICATION_EVENT = "notification";

/** The SSE topic of an account's account-wide notifications, or of one of its profiles'. */
export const notificationTopic = (accountId: string, profileId?: string | null) =>
  profileId ? `notify.${accountId}.${profileId}` : `notify.${accountId}`;

export function describeNotification(row: Notification, profileName: string | null) {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    url: row.url,
    profile: profileName,
    data: row.data as Record<string, unknown>,
    read: row.readAt !== null,
    read_at: row.readAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A notification's mail in `locale`: English is the stored text; another language says it from its type and data. */
function mailOf(input: NotificationInput, locale: Locale, timeZone: string | undefined) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "notificationTexts" });
  const words = locale === "en" ? undefined : notificationWords({ type: input.type, data: input.data ?? {} }, t as unknown as NotificationWordsT, formatFor(locale), timeZone);
  const { title, body } = words ?? input;
  const link = new URL(input.url, appUrl).toString();
  const settings = `${appUrl}/account/notifications`;
  return {
    subject: title,
    text: `${body}\n\n${link}\n\n${t("mail.settingsText", { url: settings })}`,
    html:
      `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t("mail.open"))}</a></p>` +
      `<p style="color:#777;font-size:12px">${t.markup("mail.settingsHtml", { link: (chunks) => `<a href="${settings}">${chunks}</a>` })}</p>`,
  };
}

/**
 * Whose mail is written in what: a profile's notification in that profile's language, an account-wide one in the
 * language the account's profiles agree on (each that chose one chose it), else English.
 */
async function mailLocales(accountIds: string[], tx: Transaction | Database) {
  const chosen = await profileLanguagesOf(accountIds, tx);
  const byProfile = new Map(chosen.map((row) => [row.profileId, siteLocale(row.language)]));
  const byAccount = new Map<string, Set<Locale | undefined>>();
  for (const row of chosen) byAccount.set(row.accountId, (byAccount.get(row.accountId) ?? new Set()).add(siteLocale(row.language)));
  return (input: NotificationInput): Locale => {
    if (input.profileId) return byProfile.get(input.profileId) ?? DEFAULT_LOCALE;
    const agreed = [...(byAccount.get(input.accountId) ?? [])];
    return (agreed.length === 1 && agreed[0]) || DEFAULT_LOCALE;
  };
}

/** The language of mail to an account about the account (not one profile): see mailLocales. */
export async function accountMailLocale(accountId: string): Promise<Locale> {
  return (await mailLocales([accountId], db()))({ accountId } as NotificationInput);
}

/**
 * Records notifications (in the site and/or the mail queue, as each account's settings say) inside `tx`, and
 * announces the new ones live when it commits. Returns those written now (not those written before).
 */
export async function notify(inputs: NotificationInput[], tx: Transaction, names: Record<string, string> = {}): Promise<Notification[]> {
  if (!inputs.length) return [];
  const settings = new Map((await settingsOf([...new Set(inputs.map((i) => i.accountId))], tx)).map((s) => [s.accountId, s]));
  const now = new Date();
  const inSite = inputs.filter((input) => channelsFor(settings.get(input.accountId), input.type).in_site);
  const byMail = inputs.filter((input) => channelsFor(settings.get(input.accountId), input.type).email);
  const localeOf = await mailLocales([...new Set(byMail.map((input) => input.accountId))], tx);
  await insertNotificationEmails(
    byMail.map((input) => ({
      accountId: input.accountId,
      dedupeKey: input.dedupeKey,
      sendAfter: mailableAt(settings.get(input.accountId), now),
      ...mailOf(input, localeOf(input), settings.get(input.accountId)?.timeZone),
    })),
    tx,
  );
  const written = await insertNotifications(
    inSite.map(({ accountId, profileId, type, title, body, url, data, dedupeKey }) => ({
      accountId,
      profileId: profileId ?? null,
      type,
      title,
      body,
      url,
      data: data ?? {},
      dedupeKey,
    })),
    tx,
  );
  // Last in the transaction: publishers wait for each other from here to their commit.
  for (const row of written) {
    const event = describeNotification(row, row.profileId ? (names[row.profileId] ?? null) : null);
    await publish(notificationTopic(row.accountId, row.profileId), NOTIFICATION_EVENT, event, tx);
  }
  return written;
}
