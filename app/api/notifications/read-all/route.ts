// PUT /api/notifications/read-all – mark every notification read
import { withApi } from "@/lib/api/with-api";
import { readAll, scopeOf } from "@/lib/notifications/inbox";
import { readAllNotificationsEndpoint } from "../schema";

export const PUT = withApi(readAllNotificationsEndpoint, ({ principal, credential, viewer }) => readAll(scopeOf(principal, credential, viewer)));
