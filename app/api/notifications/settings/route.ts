// GET|PUT /api/notifications/settings – channels per type, and quiet hours
import { withApi } from "@/lib/api/with-api";
import { getSettings, updateSettings } from "@/lib/notifications/settings";
import { getNotificationSettingsEndpoint, updateNotificationSettingsEndpoint } from "../schema";

export const GET = withApi(getNotificationSettingsEndpoint, ({ principal }) => getSettings(principal));

export const PUT = withApi(updateNotificationSettingsEndpoint, ({ principal, body }) => updateSettings(principal, body));
