import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";
import { languageTag } from "@/lib/catalog/languages";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
import { commerceFields } from "../../purchases/schema";

const tag = "Admin: catalog";
const errors = ["forbidden", "not_found", "conflict", "validation_failed"] as const;
const text = (max: number) => z.string().trim().min(1).max(max);
const ok = z.object({});

const titleFields = {
  title: text(300),
  synopsis: z.string().trim().max(5000),
  year: z.number().int().min(1870).max(2100),
  maturity_rating: z.enum(MATURITY_RATINGS),
  runtime_seconds: z.number().int().min(1).max(86_400).nullable().describe("Movies only."),
  media_asset_id: z.guid().nullable().describe("A movie's video (from an upload)."),
  genres: z.array(z.string().min(1).max(64)).max(20).describe("Genre slugs; replaces the title's genres."),
  original_language: languageTag.describe("The language it was made in (BCP 47, e.g. en, es, pt-BR; default en)."),
  audio_languages: z
    .array(languageTag)
    .min(1)
    .max(30)
    .describe("The languages it can be heard in (BCP 47); default: the original language."),
};

const season = z.object({ id: z.guid(), number: z.number().int(), title: z.string(), synopsis: z.string(), year: z.number().int().nullable() });
const episode = z.object({
  id: z.guid(),
  season: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  synopsis: z.string(),
  runtime_seconds: z.number().int().nullable(),
  media_asset_id: z.guid().nullable(),
  video_status: z.string().nullable(),
  still_url: z.string().nullable(),
});

const adminTitle = z.object({
  id: z.guid(),
  type: z.enum(["movie", "show"]),
  title: z.string(),
  synopsis: z.string(),
  year: z.number().int(),
  maturity_rating: z.string(),
  original_language: z.string(),
  audio_languages: z.array(z.string()),
  runtime_seconds: z.number().int().nullable(),
  media_asset_id: z.guid().nullable(),
  published: z.boolean(),
  poster_url: z.string().nullable(),
  backdrop_url: z.string().nullable(),
  genres: z.array(z.string()),
  credits: z.array(z.object({ person_id: z.guid(), name: z.string(), role: z.string(), character: z.string().nullable() })),
  seasons: z.array(season.extend({ episodes: z.array(episode) })),
  access: commerceFields.access,
  offers: commerceFields.offers,
  created_at: z.string(),
  updated_at: z.string(),
});

const titleId = z.object({ title_id: z.guid() });

/** A title in admin lists (drafts included). */
export const adminTitleSummary = z.object({
  id: z.guid(),
  type: z.enum(["movie", "show"]),
  title: z.string(),
  year: z.number().int(),
  published: z.boolean(),
  poster_url: z.string().nullable(),
});

export const listTitlesEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/titles",
  summary: "Every movie and show, drafts included, most recently changed first",
  tag,
  auth: "admin",
  query: z.object({ q: text(200).optional(), type: z.enum(["movie", "show"]).optional(), ...pagination }),
  response: listOf(adminTitleSummary.extend({ video_status: z.string().nullable(), updated_at: z.string() })),
  errors,
});

export const createTitleEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/titles",
  summary: "Create a movie or show (as an unpublished draft)",
  tag,
  auth: "admin",
  body: z.object({ type: z.enum(["movie", "show"]), ...titleFields, synopsis: titleFields.synopsis.default("") }).partial({
    runtime_seconds: true,
    media_asset_id: true,
    genres: true,
    original_language: true,
    audio_languages: true,
  }),
  response: adminTitle,
  errors,
});

export const getTitleEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/titles/{title_id}",
  summary: "One title with genres, credits, seasons and episodes",
  tag,
  auth: "admin",
  params: titleId,
  response: adminTitle,
  errors,
});

export const updateTitleEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/titles/{title_id}",
  summary: "Edit a title (only the fields sent change)",
  tag,
  auth: "admin",
  params: titleId,
  body: z.object(titleFields).partial(),
  response: adminTitle,
  errors,
});

export const deleteTitleEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/titles/{title_id}",
  summary: "Delete a title with its seasons, episodes and the videos only it used",
  tag,
  auth: "admin",
  params: titleId,
  response: ok,
  errors,
});

export const publishTitleEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/titles/{title_id}/published",
  summary: "Publish or unpublish a title",
  description: "Unpublished titles are invisible to viewers: lists, search, details and playback.",
  tag,
  auth: "admin",
  params: titleId,
  body: z.object({ published: z.boolean() }),
  response: adminTitle,
  errors,
});

export const setOffersEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/titles/{title_id}/offers",
  summary: "Set who may play a title and what it sells for",
  description:
    "`access`: subscription (any plan), rent_or_buy (only rented or bought; needs an offer), premium_early_access " +
    "(the Premium plan, or rented or bought), free (anyone signed in). Offers (rent_or_buy and premium_early_access " +
    "only, one per kind) replace the title's; a price change leaves what was sold before as it was.",
  tag,
  auth: "admin",
  params: titleId,
  body: z.strictObject({
    access: commerceFields.access,
    offers: z
      .array(
        z.strictObject({
          kind: z.enum(["rent", "buy"]),
          price_cents: z.number().int().min(50).max(100_000_00),
          currency: z.literal("usd").default("usd").describe("Offers are priced in US dollars (one currency, so revenue adds up)."),
          rental_hours: z.number().int().min(1).max(24 * 90).optional(),
          start_within_days: z.number().int().min(1).max(365).optional(),
        }),
      )
      .max(2)
      .default([]),
  }),
  response: adminTitle,
  errors,
});

export const setCreditsEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/titles/{title_id}/credits",
  summary: "Replace a title's cast and crew (in billing order)",
  tag,
  auth: "admin",
  params: titleId,
  body: z.object({
    credits: z
      .array(z.object({ person_id: z.guid(), role: z.enum(["cast", "director", "creator"]), character: z.string().trim().max(200).nullable().optional() }))
      .max(200),
  }),
  response: adminTitle,
  errors,
});

export const setArtworkEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/titles/{title_id}/artwork/{slot}",
  summary: "Upload a poster or backdrop",
  description: "The request body is the image itself (JPEG, PNG or WebP, up to MAX_BODY_BYTES), not JSON.",
  tag,
  auth: "admin",
  params: titleId.extend({ slot: z.enum(["poster", "backdrop"]) }),
  response: adminTitle,
  errors: [...errors, "payload_too_large"],
});

const seasonFields = { number: z.number().int().min(0).max(1000), title: text(300), synopsis: z.string().trim().max(5000), year: z.number().int().min(1870).max(2100).nullable() };

export const createSeasonEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/titles/{title_id}/seasons",
  summary: "Add a season to a show",
  tag,
  auth: "admin",
  params: titleId,
  body: z.object(seasonFields).partial({ title: true, synopsis: true, year: true }),
  response: season,
  errors,
});

const seasonId = z.object({ season_id: z.guid() });

export const updateSeasonEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/seasons/{season_id}",
  summary: "Edit a season",
  tag,
  auth: "admin",
  params: seasonId,
  body: z.object(seasonFields).partial(),
  response: season,
  errors,
});

export const deleteSeasonEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/seasons/{season_id}",
  summary: "Delete a season with its episodes",
  tag,
  auth: "admin",
  params: seasonId,
  response: ok,
  errors,
});

const episodeFields = {
  number: z.number().int().min(0).max(10_000),
  title: text(300),
  synopsis: z.string().trim().max(5000),
  runtime_seconds: z.number().int().min(1).max(86_400).nullable(),
  media_asset_id: z.guid().nullable().describe("The episode's video (from an upload)."),
};

export const createEpisodeEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/seasons/{season_id}/episodes",
  summary: "Add an episode to a season",
  tag,
  auth: "admin",
  params: seasonId,
  body: z.object(episodeFields).partial({ synopsis: true, runtime_seconds: true, media_asset_id: true }),
  response: episode,
  errors,
});

const episodeId = z.object({ episode_id: z.guid() });

export const updateEpisodeEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/episodes/{episode_id}",
  summary: "Edit an episode",
  tag,
  auth: "admin",
  params: episodeId,
  body: z.object(episodeFields).partial(),
  response: episode,
  errors,
});

export const deleteEpisodeEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/episodes/{episode_id}",
  summary: "Delete an episode",
  tag,
  auth: "admin",
  params: episodeId,
  response: ok,
  errors,
});

const person = z.object({ id: z.guid(), name: z.string(), bio: z.string().nullable() });
const personFields = { name: text(200), bio: z.string().trim().max(5000).nullable() };

export const listPeopleEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/people",
  summary: "People (cast and crew), by name",
  tag,
  auth: "admin",
  query: z.object({ q: text(200).optional(), ...pagination }),
  response: listOf(person.extend({ credits: z.number().int() })),
  errors,
});

export const createPersonEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/people",
  summary: "Add a person",
  tag,
  auth: "admin",
  body: z.object(personFields).partial({ bio: true }),
  response: person,
  errors,
});

const personId = z.object({ person_id: z.guid() });

export const updatePersonEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/people/{person_id}",
  summary: "Edit a person",
  tag,
  auth: "admin",
  params: personId,
  body: z.object(personFields).partial(),
  response: person,
  errors,
});

export const deletePersonEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/people/{person_id}",
  summary: "Delete a person and their credits",
  tag,
  auth: "admin",
  params: personId,
  response: ok,
  errors,
});

const genre = z.object({ id: z.guid(), slug: z.string(), name: z.string() });
const genreFields = {
  slug: z.string().min(1).max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase words joined by '-'"),
  name: text(100),
};

export const listGenresEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/genres",
  summary: "Every genre with its number of titles",
  tag,
  auth: "admin",
  response: z.object({ items: z.array(genre.extend({ titles: z.number().int() })) }),
  errors,
});

export const createGenreEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/genres",
  summary: "Add a genre",
  tag,
  auth: "admin",
  body: z.object(genreFields),
  response: genre,
  errors,
});

const genreId = z.object({ genre_id: z.guid() });

export const updateGenreEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/genres/{genre_id}",
  summary: "Rename a genre",
  tag,
  auth: "admin",
  params: genreId,
  body: z.object(genreFields).partial(),
  response: genre,
  errors,
});

export const deleteGenreEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/genres/{genre_id}",
  summary: "Delete a genre (titles keep their other genres)",
  tag,
  auth: "admin",
  params: genreId,
  response: ok,
  errors,
});
