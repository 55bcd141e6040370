// The browser's time zone, which the site learns from a cookie its pages set (components/account/time-zone-cookie.tsx)
// for pages that show days and hours. Shared by server and client code.

export const TIME_ZONE_COOKIE = "nf_tz";

/** The cookie's zone when it is one Intl (and so PostgreSQL) knows, else UTC. */
export function timeZoneOr(value: string | undefined): string {
  if (!value || value.length > 64) return "UTC";
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}
