import { z } from "zod";
import { KIDS_DEFAULT_RATING, KIDS_MAX_LEVEL } from "@/lib/access/kids";
import { maturityLevel, type MaturityRating } from "@/lib/catalog/maturity";
import { AVATARS } from "@/lib/profiles/avatars";

// The profile form's fields and choices. The site offers the film scale; TV ratings map onto the same levels
// (lib/catalog/maturity.ts), so a profile rated TV-14 by the API shows as "PG-13 and below".
// Their labels are the profileForms.ratings messages.
export const MATURITY_CHOICES = [{ value: "G" }, { value: "PG" }, { value: "PG-13" }, { value: "R" }, { value: "NC-17" }] as const satisfies readonly {
  value: MaturityRating;
}[];

/** The choice shown for a stored rating (film or TV label). */
export const maturityChoiceFor = (rating: string) =>
  MATURITY_CHOICES.find((choice) => maturityLevel(choice.value) === maturityLevel(rating as MaturityRating))?.value ?? "NC-17";

export const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

export const profileSettingsFields = z
  .object({
    kids: checkbox,
    avatar: z.enum(AVATARS, "Choose an avatar."),
    maturity_rating: z.enum(MATURITY_CHOICES.map((choice) => choice.value), "Choose a maturity rating."),
  })
  // Ticking "Kids profile" is the stronger choice: with a rating above what kids may see, the profile gets the kids
  // default, as through the API (lib/profiles/profiles.ts).
  .transform((settings) =>
    settings.kids && maturityLevel(settings.maturity_rating) > KIDS_MAX_LEVEL ? { ...settings, maturity_rating: KIDS_DEFAULT_RATING } : settings,
  );

export const pinField = z.string().regex(/^\d{4}$/, "A PIN is exactly 4 digits.");

/** The languages the profile form offers (any BCP 47 tag works through the API), named in their own language. */
export const PROFILE_LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "pt-BR", "nl", "sv", "pl", "ja", "ko", "zh", "hi", "ar", "tr"];

export const profileLanguageChoices = (browserLanguage: string) => [
  { value: "", label: browserLanguage },
  ...PROFILE_LANGUAGES.map((tag) => ({ value: tag, label: new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag })),
];
