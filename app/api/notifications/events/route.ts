// GET /api/notifications/events – new notifications, live (server-sent events)
import { withApi } from "@/lib/api/with-api";
import { scopeOf, streamNotifications } from "@/lib/notifications/inbox";
import { lastEventIdOf } from "@/lib/realtime";
import { notificationEventsEndpoint } from "../schema";

export const dynamic = "force-dynamic";

export const GET = withApi(notificationEventsEndpoint, ({ principal, credential, viewer, req }) =>
  streamNotifications(scopeOf(principal, credential, viewer), req.signal, lastEventIdOf(req)),
);
