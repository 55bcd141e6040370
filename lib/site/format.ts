// Formatting for the site's pages: prices, dates and device names, the same way everywhere.
import type { Plan } from "@/lib/billing/plans";

export const formatPrice = (plan: Pick<Plan, "price_cents" | "currency">) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: plan.currency.toUpperCase() }).format(plan.price_cents / 100);

export const formatDate = (iso: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday", "just now". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\//, "Firefox"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Chrome\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/SMART-TV|Tizen|Web0S|webOS/, "Smart TV"],
  [/Linux/, "Linux"],
];

/** A person-readable device name from a user agent: "Chrome on macOS", "curl 8.5", or the agent's first word. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser) return system ? `${browser} on ${system}` : browser;
  const [product] = userAgent.split(" ");
  return product.replace("/", " ").slice(0, 60);
}

/** "48 h", "3 days" (whole hours up to two days, then days), for rental windows. */
export function formatHours(hours: number): string {
  return hours <= 48 || hours % 24 !== 0 ? `${hours} h` : `${hours / 24} days`;
}

/** What is left of a rental: "31 h left", "45 min left". */
export function formatTimeLeft(seconds: number): string {
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h left`;
  return `${Math.max(1, Math.ceil(seconds / 60))} min left`;
}
