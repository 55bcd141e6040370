import { z } from "zod";
import { languageTag } from "@/lib/catalog/languages";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
import { profileName } from "@/lib/profiles/profile-name";
import { isTimeZone } from "@/lib/site/time-zone";

// Query-string pieces shared by list endpoints. Values arrive as strings and are coerced.

export const pagination = {
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Page size, 1–100 (default 20)."),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("Items to skip (default 0)."),
};

export const maxMaturityRating = z
  .enum(MATURITY_RATINGS)
  .optional()
  .describe("Only titles rated at or below this (film and TV ratings share one scale).");

/** `?profile=<name>` (with a bearer token): only what that profile may watch. */
export const viewer = {
  profile: profileName.optional().describe("With a bearer token: show only titles this profile's maturity rating allows."),
  max_maturity_rating: maxMaturityRating,
};

export const titleFilters = {
  q: z.string().trim().min(1).max(200).optional().describe("Words in the title (typo-tolerant)."),
  genre: z.string().min(1).max(64).optional().describe("A genre slug, as in GET /api/genres."),
  year: z.coerce.number().int().min(1870).max(2100).optional(),
  maturity_rating: z.enum(MATURITY_RATINGS).optional().describe("Exactly this rating."),
  language: languageTag.optional().describe("Only titles that can be heard in this language (BCP 47, e.g. es, pt-BR: one of audio_languages)."),
  ...viewer,
  sort: z
    .enum(["popular", "new", "title", "year", "rating"])
    .default("popular")
    .describe("popular (default), new (newest on NormFlix), title (A–Z), year (newest release), rating (viewers' thumbs)."),
  ...pagination,
};

/** An IANA time zone name (what Intl and PostgreSQL both know). */
export const timeZone = z.string().max(64).refine(isTimeZone, "Not an IANA time zone (e.g. Europe/Berlin).");

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
