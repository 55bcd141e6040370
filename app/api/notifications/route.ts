// GET /api/notifications – notifications with the unread count
import { withApi } from "@/lib/api/with-api";
import { listInbox, scopeOf } from "@/lib/notifications/inbox";
import { listNotificationsEndpoint } from "./schema";

export const GET = withApi(listNotificationsEndpoint, ({ principal, credential, viewer, query }) =>
  listInbox(scopeOf(principal, credential, viewer), query),
);
