import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { createFormat } from "@/lib/site/format";
import type { Locale } from "./locale";

/** The formatting helpers (lib/site/format.ts) in this request's language, for server components and actions. */
export async function getFormat() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("format")]);
  return createFormat(locale as Locale, t);
}
