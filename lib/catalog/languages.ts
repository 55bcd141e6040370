import { z } from "zod";

// Languages of titles (original and audio) as BCP 47 tags, canonical ("en", "pt-BR", "es-419"): what
// Intl.getCanonicalLocales accepts, so the site can name them with Intl.DisplayNames in any language.

/** The canonical form of a language tag, or undefined when it is not one. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/** A language tag in a request: validated and made canonical ("EN" → "en"). */
export const languageTag = z
  .string()
  .max(35)
  .transform((tag, context) => {
    const canonical = canonicalLanguage(tag);
    if (!canonical) context.addIssue({ code: "custom", message: "Not a BCP 47 language tag (e.g. en, es, pt-BR)." });
    return canonical ?? z.NEVER;
  });

/** "es" → "Spanish" (in `locale`), the tag itself when the runtime cannot name it. */
export function languageName(tag: string, locale = "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A title's languages for people: each audio language by name, the original one marked. */
export const audioLanguageNames = (title: { original_language: string; audio_languages: string[] }) =>
  title.audio_languages.map((tag) => ({ id: tag, name: `${languageName(tag)}${tag === title.original_language ? " (original)" : ""}` }));
