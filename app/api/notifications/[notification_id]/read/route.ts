// PUT /api/notifications/<notification_id>/read – mark one notification read
import { withApi } from "@/lib/api/with-api";
import { readNotification, scopeOf } from "@/lib/notifications/inbox";
import { readNotificationEndpoint } from "../../schema";

export const PUT = withApi(readNotificationEndpoint, ({ principal, credential, viewer, params }) =>
  readNotification(scopeOf(principal, credential, viewer), params.notification_id),
);
