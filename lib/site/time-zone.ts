// The browser's time zone, which the site learns from a cookie its pages set (components/account/time-zone-cookie.tsx)
// for pages that show days and hours. Shared by server and client code.

export const TIME_ZONE_COOKIE = "nf_tz";

/** Whether Intl (and so PostgreSQL) knows the IANA time zone `zone`. */
export function isTimeZone(zone: string): boolean {
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The cookie's zone when it is one Intl knows, else UTC. */
export const timeZoneOr = (value: string | undefined): string => (value && isTimeZone(value) ? value : "UTC");
