// The site's languages and how a request's language is chosen: the selected profile's language when the site speaks
// it, else the browser's Accept-Language, else English. Shared by the request config (i18n/request.ts) and mail.

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The site language for a BCP 47 tag ("es-MX" → "es"), or undefined when the site does not speak it. */
export function siteLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return LOCALES.find((locale) => locale === primary);
}

/** The best site language in an Accept-Language header, by its q-values (RFC 9110 §12.5.4). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.tag && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "*") return DEFAULT_LOCALE;
    const locale = siteLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

/** A profile's language first (when the site speaks it), then the browser's, then English. */
export const chooseLocale = (profileLanguage: string | null | undefined, acceptLanguage: string | null | undefined): Locale =>
  siteLocale(profileLanguage) ?? negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
