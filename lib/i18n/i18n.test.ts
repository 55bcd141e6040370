import { describe, expect, it } from "vitest";
import { chooseLocale, negotiateLocale } from "./locale";
import { formatFor, MESSAGES } from "./translator";

/** Every message's dotted key, with its text. */
function flatten(messages: object, prefix = ""): [string, unknown][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === "object" ? flatten(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

describe("messages", () => {
  it("has the same keys in English and Spanish, in the same order, none empty", () => {
    const en = flatten(MESSAGES.en);
    const es = flatten(MESSAGES.es);
    expect(es.map(([key]) => key)).toEqual(en.map(([key]) => key));
    for (const [key, text] of [...en, ...es]) expect(typeof text === "string" && text.trim() !== "", key).toBe(true);
  });
});

describe("chooseLocale", () => {
  it("takes the profile's language when the site speaks it", () => {
    expect(chooseLocale("es-MX", "en-US,en;q=0.9")).toBe("es");
    expect(chooseLocale("en", "es")).toBe("en");
  });
  it("else negotiates Accept-Language by quality, else English", () => {
    expect(chooseLocale(null, "fr-FR, es;q=0.8, en;q=0.5")).toBe("es");
    expect(chooseLocale("fr", "de, en;q=0.1")).toBe("en");
    expect(chooseLocale(null, "de, fr")).toBe("en");
    expect(negotiateLocale("en;q=0.2, es-419;q=0.9")).toBe("es");
    expect(negotiateLocale("es;q=0")).toBeUndefined();
  });
});

describe("format", () => {
  const en = formatFor("en");
  const es = formatFor("es");
  it("says what is left honestly, never 0 min", () => {
    expect(en.timeLeft(13, 30)).toBe("17 s left");
    expect(en.timeLeft(0, 60)).toBe("1 min left");
    expect(en.timeLeft(0, 3600)).toBe("1 h left");
    expect(en.timeLeft(100, 100 + 3900)).toBe("1 h 5 min left");
    expect(en.timeLeft(30, 30)).toBeUndefined();
    expect(es.timeLeft(100, 100 + 3900)).toBe("Quedan 1 h 5 min");
    expect(es.rentalLeft(31 * 3600 + 5)).toBe("Quedan 31 h");
  });
  it("formats money and dates with Intl for the language", () => {
    const plan = { price_cents: 1299, currency: "usd" };
    expect(en.price(plan)).toBe("$12.99");
    expect(es.price(plan)).toMatch(/^12,99\sUS\$$/);
    expect(en.date("2026-03-05T10:00:00Z")).toBe("March 5, 2026");
    expect(es.date("2026-03-05T10:00:00Z")).toBe("5 de marzo de 2026");
    expect(en.dateTime("2026-03-05T10:00:00Z")).toMatch(/^March 5, 2026 at 10:00\sAM UTC$/);
    expect(es.dateTime("2026-03-05T22:30:00Z", "America/Mexico_City")).toBe("5 de marzo de 2026 a las 16:30 GMT-6");
  });
  it("formats the admin's numbers, shares, file sizes, chart days and times for the language", () => {
    expect(en.number(12345.5)).toBe("12,345.5");
    expect(es.number(12345.5)).toBe("12.345,5");
    expect(en.number(2.5, 2)).toBe("2.50");
    expect(en.percent(0.456)).toBe("46%");
    expect(es.percent(0.0125, 2)).toMatch(/^1,25\s%$/);
    expect(en.fileSize(3.5 * 1024 ** 2)).toBe("3.5 MiB");
    expect(en.fileSize(42 * 1024 ** 2)).toBe("42 MiB");
    expect(es.fileSize(1.25 * 1024 ** 3)).toBe("1,25 GiB");
    expect(en.day("2026-03-05")).toBe("Mar 5");
    expect(es.day("2026-03-05")).toBe("5 mar");
    expect(en.time("2026-03-05T20:05:12Z")).toMatch(/^8:05:12\sPM UTC$/);
    expect(es.time("2026-03-05T20:05:12Z")).toBe("20:05:12 UTC");
  });
  it("says how long ago in the language", () => {
    const now = Date.parse("2026-01-10T12:00:00Z");
    expect(en.relative("2026-01-10T11:59:40Z", now)).toBe("just now");
    expect(en.relative("2026-01-10T11:55:00Z", now)).toBe("5 minutes ago");
    expect(en.relative("2026-01-09T12:00:00Z", now)).toBe("yesterday");
    expect(es.relative("2026-01-09T12:00:00Z", now)).toBe("ayer");
    expect(es.relative("2026-01-10T11:55:00Z", now)).toBe("hace 5 minutos");
  });
  it("names devices from their user agent", () => {
    expect(en.userAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("Safari on macOS");
    expect(es.userAgent("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")).toBe("Chrome en Android");
    expect(en.userAgent("curl/8.5.0")).toBe("curl 8.5.0");
    expect(en.userAgent(null)).toBe("Unknown device");
  });
  it("counts seasons and runtimes", () => {
    expect(en.seasonCount(1)).toBe("1 season");
    expect(es.seasonCount(3)).toBe("3 temporadas");
    expect(en.runtime(6060)).toBe("1h 41m");
    expect(es.episodeCode(2, 5)).toBe("T2:E5");
  });
});
