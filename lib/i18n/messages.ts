import "server-only";
import type { Locale } from "./locale";

/** The messages of `locale` (messages/<locale>.json), loaded once per process. */
export async function loadMessages(locale: Locale) {
  return locale === "es" ? (await import("@/messages/es.json")).default : (await import("@/messages/en.json")).default;
}
