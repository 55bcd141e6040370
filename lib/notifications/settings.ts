import "server-only";
import { saveSettings, settingsOf, type NotificationType } from "@/db/queries/notifications";
import type { NotificationSettings } from "@/db/schema";
import { notificationType } from "@/db/schema/notifications";
import type { Principal } from "@/lib/accounts/sessions";

// Who hears about what, and when mail may go out. Stored sparsely: a type or channel nobody changed keeps its default.

export const NOTIFICATION_TYPES = notificationType.enumValues;

export type Channels = { in_site: boolean; email: boolean };

/**
 * Money reaches the inbox by default; catalog news only the site. A new device's mail is the login alert (sent at once,
 * with a link that ends that session; `login_alerts` in /api/accounts/security), so its notification is in-site only
 * unless the account asks for this copy too.
 */
export const DEFAULT_CHANNELS: Record<NotificationType, Channels> = {
  new_episode: { in_site: true, email: false },
  title_available: { in_site: true, email: false },
  payment_failed: { in_site: true, email: true },
  new_device: { in_site: true, email: false },
  rental_expiring: { in_site: true, email: true },
  party_invite: { in_site: true, email: false },
};

export type QuietHours = { start: string; end: string; time_zone: string };
export type SettingsView = { types: Record<NotificationType, Channels>; quiet_hours: QuietHours | null };

type StoredChannels = Partial<Record<NotificationType, Partial<Channels>>>;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const minutesOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

export function channelsFor(settings: NotificationSettings | undefined, type: NotificationType): Channels {
  return { ...DEFAULT_CHANNELS[type], ...(settings?.channels as StoredChannels | undefined)?.[type] };
}

export function describeSettings(settings: NotificationSettings | undefined): SettingsView {
  const types = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, channelsFor(settings, type)])) as SettingsView["types"];
  const quiet = settings && settings.quietStart !== null && settings.quietEnd !== null;
  return {
    types,
    quiet_hours: quiet ? { start: hhmm(settings.quietStart!), end: hhmm(settings.quietEnd!), time_zone: settings.timeZone } : null,
  };
}

export async function getSettings(principal: Principal): Promise<SettingsView> {
  const [settings] = await settingsOf([principal.accountId]);
  return describeSettings(settings);
}

export type SettingsChange = {
  types?: Partial<Record<NotificationType, Partial<Channels>>>;
  quiet_hours?: QuietHours | null;
};

/** Changes only what the request names. */
export async function updateSettings(principal: Principal, change: SettingsChange): Promise<SettingsView> {
  const [current] = await settingsOf([principal.accountId]);
  const channels: StoredChannels = { ...(current?.channels as StoredChannels | undefined) };
  for (const [type, value] of Object.entries(change.types ?? {}) as [NotificationType, Partial<Channels>][]) {
    channels[type] = { ...channels[type], ...value };
  }
  const quiet = change.quiet_hours === undefined ? current && describeSettings(current).quiet_hours : change.quiet_hours;
  const saved = await saveSettings({
    accountId: principal.accountId,
    channels,
    quietStart: quiet ? minutesOf(quiet.start) : null,
    quietEnd: quiet ? minutesOf(quiet.end) : null,
    timeZone: quiet?.time_zone ?? current?.timeZone ?? "UTC",
  });
  return describeSettings(saved);
}

/** Minutes after midnight at `date` in `timeZone`. */
function localMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return part("hour") * 60 + part("minute");
}

/**
 * When mail may go out: `now`, or the end of the account's quiet hours when `now` falls inside them (a window may
 * cross midnight). Counted in minutes of local time, so across a DST change it may be an hour off.
 */
export function mailableAt(settings: NotificationSettings | undefined, now: Date): Date {
  if (!settings || settings.quietStart === null || settings.quietEnd === null || settings.quietStart === settings.quietEnd) return now;
  const { quietStart: start, quietEnd: end } = settings;
  const minute = localMinutes(now, settings.timeZone);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return now;
  const wait = (end - minute + 1440) % 1440;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + wait * 60_000);
}
