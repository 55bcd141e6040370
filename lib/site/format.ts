// The site's one formatting module: prices, dates, durations and device names, the same way everywhere and in the
// request's language. Numbers, money and dates come from Intl for the locale; the few words around them ("left",
// "h", "seasons") come from the "format" messages. Pages call getFormat() (lib/i18n/server.ts), client components
// useFormat() (lib/i18n/client.ts); both build the object below.
import type { Locale } from "@/lib/i18n/locale";
import type en from "@/messages/en.json";

/** A translator for the "format" messages (next-intl's t, or createTranslator's in tests and mail). */
export type FormatWords = (key: keyof (typeof en)["format"], values?: Record<string, string | number>) => string;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

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

// Intl's tags: English keeps the US forms the site always had ("$9.99", "January 5, 2026").
const intlTag = (locale: Locale) => (locale === "en" ? "en-US" : locale);

export function createFormat(locale: Locale, t: FormatWords) {
  const tag = intlTag(locale);
  const number = (value: number, digits?: number) =>
    new Intl.NumberFormat(tag, digits === undefined ? undefined : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return {
    /** 1234.5 → "1,234.5" ("1234,5" in Spanish); `digits` fixes the decimals. */
    number,

    /** 0.456 → "46%" ("46 %" in Spanish), with `digits` decimals. */
    percent: (ratio: number, digits = 0) =>
      new Intl.NumberFormat(tag, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio),

    /** A file's size in binary units: "1.25 GiB", "12 MiB", "3.5 MiB". */
    fileSize(bytes: number): string {
      if (bytes >= 1024 ** 3) return `${number(bytes / 1024 ** 3, 2)} GiB`;
      const mib = bytes / 1024 ** 2;
      return `${number(mib, mib < 10 ? 1 : 0)} MiB`;
    },

    /** A day ("2026-03-05") as short as a chart's axis wants it: "Mar 5", "5 mar". */
    day: (day: string) =>
      new Intl.DateTimeFormat(tag, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(day.length === 10 ? `${day}T00:00:00Z` : day)),

    /** A time of day with its zone ("8:05:12 PM UTC"), in `timeZone` (default UTC). */
    time: (iso: string, timeZone = "UTC") =>
      new Intl.DateTimeFormat(tag, { hour: "numeric", minute: "2-digit", second: "2-digit", timeZone, timeZoneName: "short" }).format(new Date(iso)),

    price: (plan: { price_cents: number; currency: string }) =>
      new Intl.NumberFormat(tag, { style: "currency", currency: plan.currency.toUpperCase() }).format(plan.price_cents / 100),

    date: (iso: string) => new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso)),

    /** A moment with its time and zone ("December 7, 2026 at 8:00 PM UTC"), in `timeZone` (default UTC). */
    dateTime: (iso: string, timeZone = "UTC") =>
      new Intl.DateTimeFormat(tag, { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }).format(
        new Date(iso),
      ),

    /** "3 minutes ago", "yesterday", "just now". */
    relative(iso: string, now = Date.now()): string {
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
      for (const [unit, size] of UNITS) {
        if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
      }
      return t("justNow");
    },

    /** A person-readable device name from a user agent: "Chrome on macOS", "curl 8.5", or the agent's first word. */
    userAgent(userAgent: string | null): string {
      if (!userAgent) return t("unknownDevice");
      const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
      const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
      if (browser) return system ? t("browserOnSystem", { browser, system }) : browser;
      const [product] = userAgent.split(" ");
      return product.replace("/", " ").slice(0, 60);
    },

    /** "48 h", "3 days" (whole hours up to two days, then days), for rental windows. */
    hours: (hours: number) => (hours <= 48 || hours % 24 !== 0 ? t("hours", { hours }) : t("days", { days: hours / 24 })),

    /** What is left of a rental: "31 h left", "45 min left". */
    rentalLeft: (seconds: number) =>
      seconds >= 3600 ? t("leftHours", { hours: Math.floor(seconds / 3600) }) : t("leftMinutes", { minutes: Math.max(1, Math.ceil(seconds / 60)) }),

    /** 6060 → "1h 41m", 1500 → "25m", 30 → "30s". */
    runtime(seconds: number | null | undefined): string | undefined {
      if (!seconds || seconds <= 0) return undefined;
      if (seconds < 60) return t("runtimeSeconds", { seconds: Math.round(seconds) });
      const minutes = Math.round(seconds / 60);
      const hours = Math.floor(minutes / 60);
      return hours ? t("runtimeHours", { hours, minutes: minutes % 60 }) : t("runtimeMinutes", { minutes });
    },

    /**
     * What is left of a started item, honestly rounded: "17 s left" under a minute (never "0 min left"), "12 min left",
     * "1 h 5 min left"; undefined when its length is unknown or it is finished.
     */
    timeLeft(position: number, duration: number | null | undefined): string | undefined {
      if (!duration || duration <= position) return undefined;
      const seconds = Math.ceil(duration - position);
      if (seconds < 60) return t("leftSeconds", { seconds });
      const minutes = Math.round(seconds / 60);
      const hours = Math.floor(minutes / 60);
      if (!hours) return t("leftMinutes", { minutes });
      return minutes % 60 ? t("leftHoursMinutes", { hours, minutes: minutes % 60 }) : t("leftHours", { hours });
    },

    /** "S2:E5", the episode shorthand viewers know. */
    episodeCode: (season: number, episode: number) => t("episodeCode", { season, episode }),

    seasonCount: (count: number) => t("seasons", { count }),
  };
}

export type Format = ReturnType<typeof createFormat>;
