import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { pagination, timeZone } from "@/lib/api/query-schemas";
import { NOTIFICATION_TYPES } from "@/lib/notifications/settings";
import { profileName } from "@/lib/profiles/profile-name";

const tag = "Notifications";

const profile = profileName
  .optional()
  .describe("Only this profile's notifications and the account-wide ones (payments, sign-ins). Without it: the whole account's.");

const notification = z.object({
  id: z.guid(),
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string(),
  body: z.string(),
  url: z.string().describe("The site page it is about."),
  profile: z.string().nullable().describe("The profile it concerns; null when it concerns the account."),
  data: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  read_at: z.string().nullable(),
  created_at: z.string(),
});

const unreadCount = z.number().int().describe("Unread notifications in the same scope (profile or account).");

export const listNotificationsEndpoint = endpoint({
  method: "GET",
  path: "/api/notifications",
  summary: "Notifications, newest first, with the unread count",
  tag,
  auth: "required",
  profile: "optional",
  query: z.strictObject({
    unread: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("true: unread only; false: read only."),
    type: z.enum(NOTIFICATION_TYPES).optional(),
    profile,
    ...pagination,
  }),
  response: z.object({ items: z.array(notification), total: z.number().int(), limit: z.number().int(), offset: z.number().int(), unread_count: unreadCount }),
  errors: ["forbidden", "profile_not_found", "profile_locked", "validation_failed"],
});

export const readNotificationEndpoint = endpoint({
  method: "PUT",
  path: "/api/notifications/{notification_id}/read",
  summary: "Mark one notification read",
  tag,
  auth: "required",
  profile: "optional",
  params: z.object({ notification_id: z.guid() }),
  query: z.strictObject({ profile }),
  response: notification.extend({ unread_count: unreadCount }),
  errors: ["forbidden", "not_found", "validation_failed"],
});

export const readAllNotificationsEndpoint = endpoint({
  method: "PUT",
  path: "/api/notifications/read-all",
  summary: "Mark every notification read",
  tag,
  auth: "required",
  profile: "optional",
  query: z.strictObject({ profile }),
  response: z.object({ marked: z.number().int(), unread_count: unreadCount }),
  errors: ["forbidden", "validation_failed"],
});

const channels = z.object({ in_site: z.boolean(), email: z.boolean() });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A time is HH:MM (24-hour).");
const quietHours = z
  .strictObject({ start: clock, end: clock, time_zone: timeZone })
  .describe("Email waits from start to end (local time in time_zone; may cross midnight) and goes out when they end.");

// An object with one field per type (not a record keyed by an enum, which OpenAPI renders as required keys it does not define).
const perType = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, channels])) as Record<(typeof NOTIFICATION_TYPES)[number], typeof channels>;

const settings = z.object({
  types: z.object(perType),
  quiet_hours: quietHours.nullable(),
});

export const getNotificationSettingsEndpoint = endpoint({
  method: "GET",
  path: "/api/notifications/settings",
  summary: "Which notifications reach the site and email, and quiet hours",
  tag,
  auth: "required",
  accountHolder: true,
  query: z.strictObject({}),
  response: settings,
  errors: ["forbidden", "kids_profile", "validation_failed"],
});

export const updateNotificationSettingsEndpoint = endpoint({
  method: "PUT",
  path: "/api/notifications/settings",
  summary: "Change notification settings (only what the body names)",
  tag,
  auth: "required",
  accountHolder: true,
  query: z.strictObject({}),
  body: z.strictObject({
    types: z.partialRecord(z.enum(NOTIFICATION_TYPES), z.strictObject({ in_site: z.boolean().optional(), email: z.boolean().optional() })).optional(),
    quiet_hours: quietHours.nullable().optional().describe("null turns quiet hours off."),
  }),
  response: settings,
  errors: ["forbidden", "kids_profile", "validation_failed", "invalid_json"],
});

export const notificationEventsEndpoint = endpoint({
  method: "GET",
  path: "/api/notifications/events",
  summary: "New notifications as server-sent events, live",
  description:
    "A `text/event-stream` of `notification` events (data: one notification, as in the list) the moment one is created " +
    "on any instance; comment lines as heartbeats. Send `Last-Event-ID` (EventSource does) to get what was missed.",
  tag,
  auth: "required",
  profile: "optional",
  query: z.strictObject({ profile, last_event_id: z.string().optional().describe("Instead of the Last-Event-ID header.") }),
  response: notification,
  contentType: "text/event-stream",
  errors: ["forbidden", "validation_failed"],
});
