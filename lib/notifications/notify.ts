import "server-only";
import type { Transaction } from "@/db/client";
import { insertNotificationEmails, insertNotifications, settingsOf, type NotificationType } from "@/db/queries/notifications";
import type { Notification } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { publish } from "@/lib/realtime";
import { channelsFor, mailableAt } from "./settings";

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

function mailOf(input: NotificationInput) {
  const link = new URL(input.url, appUrl).toString();
  return {
    subject: input.title,
    text: `${input.body}\n\n${link}\n\nChoose which notifications you get by email: ${appUrl}/account/notifications`,
    html:
      `<p>${escapeHtml(input.body)}</p><p><a href="${escapeHtml(link)}">Open NormFlix</a></p>` +
      `<p style="color:#777;font-size:12px">Choose which notifications you get by email in <a href="${appUrl}/account/notifications">your account</a>.</p>`,
  };
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
  await insertNotificationEmails(
    byMail.map((input) => ({
      accountId: input.accountId,
      dedupeKey: input.dedupeKey,
      sendAfter: mailableAt(settings.get(input.accountId), now),
      ...mailOf(input),
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
