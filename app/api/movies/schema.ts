import { z } from "zod";
import { commerceFields } from "../purchases/schema";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, titleFilters, viewer } from "@/lib/api/query-schemas";

const genre = z.object({ slug: z.string(), name: z.string() });
const credit = z.object({ id: z.guid(), name: z.string(), character: z.string().optional() });
const track = z.object({ language: z.string(), label: z.string() });

/** Every title, in lists and details alike. */
export const languageFields = {
  original_language: z.string().describe("The language it was made in (BCP 47)."),
  audio_languages: z.array(z.string()).describe("The languages it can be heard in (BCP 47); `?language=` filters lists by them."),
};

export const movieItem = z.object({
  type: z.literal("movie"),
  id: z.guid(),
  title: z.string(),
  synopsis: z.string(),
  year: z.number().int(),
  runtime_seconds: z.number().int().nullable(),
  maturity_rating: z.string(),
  genres: z.array(genre),
  poster_url: z.string().nullable(),
  backdrop_url: z.string().nullable(),
  availability: z.enum(["ready", "processing", "unavailable"]).describe("Whether the video can be played yet."),
  access: commerceFields.access,
  ...languageFields,
});

export const mediaFields = {
  subtitles: z.array(track),
  audio_tracks: z
    .array(track.extend({ default: z.boolean().describe("The track a player starts with when the profile has no preference.") }))
    .describe("Every audio track of the video (empty for video transcoded before tracks were recorded); more than one are alternate HLS audio renditions."),
  available_qualities: z.array(z.string()).describe("Rendition names, lowest first, e.g. 360p."),
  duration_seconds: z.number().nullable(),
};

export const listMoviesEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/movies",
  summary: "Browse movies",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  query: z.object(titleFilters),
  response: listOf(movieItem),
  errors: ["validation_failed", "forbidden", "profile_not_found"],
});

export const getMovieEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/movies/{movie_id}",
  summary: "One movie, with cast, directors, subtitles and qualities",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  params: z.object({ movie_id: z.guid() }),
  query: z.object(viewer),
  response: movieItem.extend({ cast: z.array(credit), directors: z.array(credit), ...mediaFields, offers: commerceFields.offers, ownership: commerceFields.ownership }),
  errors: ["movie_not_found", "validation_failed", "forbidden", "profile_not_found"],
});
