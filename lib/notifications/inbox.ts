import "server-only";
import {
  listNotifications,
  markAllRead,
  markRead,
  profileIdsOf,
  type NotificationScope,
  type NotificationType,
} from "@/db/queries/notifications";
import type { Principal } from "@/lib/accounts/sessions";
import type { Credential } from "@/lib/access/profile-access";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { eventStream } from "@/lib/realtime";
import { describeNotification, notificationTopic } from "./notify";

// Reading notifications. A call naming a profile (or a site session watching as a kids profile) sees that profile's
// notifications and the account-wide ones, a kids profile only its own; otherwise the account sees all of them.

export function scopeOf(principal: Principal, credential: Credential, viewer: Viewer | undefined): NotificationScope {
  const profile = viewer?.profile ?? (credential.kind === "cookie" && credential.selected?.kids ? credential.selected : undefined);
  return { accountId: principal.accountId, profile: profile && { id: profile.id, kids: profile.kids } };
}

export async function listInbox(scope: NotificationScope, filter: { unread?: boolean; type?: NotificationType; limit: number; offset: number }) {
  const { rows, total, unreadCount } = await listNotifications(scope, filter);
  return {
    items: rows.map((row) => describeNotification(row.notification, row.profileName)),
    total,
    limit: filter.limit,
    offset: filter.offset,
    unread_count: unreadCount,
  };
}

export async function readNotification(scope: NotificationScope, id: string) {
  const row = await markRead(scope, id);
  if (!row) throw new ApiError("not_found", "No notification with that id.");
  const { unreadCount } = await listNotifications(scope, { limit: 0, offset: 0 });
  return { ...describeNotification(row, row.profileName), unread_count: unreadCount };
}

export async function readAll(scope: NotificationScope) {
  return { marked: await markAllRead(scope), unread_count: 0 };
}

/** New notifications as server-sent `notification` events, from every instance; `Last-Event-ID` resumes. */
export async function streamNotifications(scope: NotificationScope, signal: AbortSignal, lastEventId: number | undefined) {
  const topics = scope.profile
    ? [notificationTopic(scope.accountId, scope.profile.id), ...(scope.profile.kids ? [] : [notificationTopic(scope.accountId)])]
    : [notificationTopic(scope.accountId), ...(await profileIdsOf(scope.accountId)).map((id) => notificationTopic(scope.accountId, id))];
  return eventStream({ topics, signal, lastEventId });
}
