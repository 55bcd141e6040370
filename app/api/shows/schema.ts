import { z } from "zod";
import { commerceFields } from "../purchases/schema";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, titleFilters, viewer } from "@/lib/api/query-schemas";
import { mediaFields, movieItem } from "../movies/schema";

const credit = z.object({ id: z.guid(), name: z.string(), character: z.string().optional() });
const availability = z.enum(["ready", "processing", "unavailable"]);

export const showItem = movieItem.omit({ type: true, runtime_seconds: true }).extend({
  type: z.literal("show"),
  season_count: z.number().int(),
});

const showParams = { tv_show_id: z.guid() };
const episodeParams = z.object({
  ...showParams,
  season: z.coerce.number().int().min(0).max(10_000),
  episode: z.coerce.number().int().min(0).max(10_000),
});

export const listShowsEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/shows",
  summary: "Browse TV shows",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  query: z.object(titleFilters),
  response: listOf(showItem),
  errors: ["validation_failed", "forbidden", "profile_not_found"],
});

export const getShowEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/shows/{tv_show_id}",
  summary: "One show, with its seasons and episodes",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  params: z.object(showParams),
  query: z.object(viewer),
  response: showItem.extend({
    offers: commerceFields.offers,
    ownership: commerceFields.ownership,
    cast: z.array(credit),
    creators: z.array(credit),
    seasons: z.array(
      z.object({
        season: z.number().int(),
        title: z.string(),
        synopsis: z.string(),
        year: z.number().int().nullable(),
        episodes: z.array(
          z.object({
            id: z.guid(),
            episode: z.number().int(),
            title: z.string(),
            synopsis: z.string(),
            runtime_seconds: z.number().int().nullable(),
            still_url: z.string().nullable(),
            availability,
          }),
        ),
      }),
    ),
  }),
  errors: ["show_not_found", "validation_failed", "forbidden", "profile_not_found"],
});

export const getEpisodeEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/shows/{tv_show_id}/seasons/{season}/episodes/{episode}",
  summary: "One episode, with the next one",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  params: episodeParams,
  query: z.object(viewer),
  response: z.object({
    id: z.guid(),
    show_id: z.guid(),
    show_title: z.string(),
    season: z.number().int(),
    episode: z.number().int(),
    title: z.string(),
    synopsis: z.string(),
    runtime_seconds: z.number().int().nullable(),
    maturity_rating: z.string(),
    still_url: z.string().nullable(),
    availability,
    ...mediaFields,
    ...commerceFields,
    next: z.object({ season: z.number().int(), episode: z.number().int() }).nullable().describe("The following episode, across seasons."),
  }),
  errors: ["show_not_found", "episode_not_found", "validation_failed", "forbidden", "profile_not_found"],
});
