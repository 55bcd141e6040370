import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination, titleFilters, viewer } from "@/lib/api/query-schemas";
import { SEARCH_KINDS } from "@/lib/catalog/kinds";
import { DEFAULT_TIMEFRAME, TIMEFRAMES } from "@/lib/catalog/trending-scores";
import { movieItem } from "../movies/schema";
import { showItem } from "../shows/schema";

const browseQuery = z.object({ genre: titleFilters.genre, language: titleFilters.language, ...viewer, ...pagination });
const mixedList = listOf(z.discriminatedUnion("type", [movieItem, showItem]));

export const trendingEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/browse/trending",
  summary: "Trending movies and shows: the most watched in a timeframe",
  description:
    "The titles watched within the timeframe (the last 24 hours, 7 days or 30 days), ranked by stream starts and watch " +
    "time (a start counts 1, each 10 minutes watched 1 more), each weighing half as much every quarter of the timeframe " +
    "that has passed since, so what is watched now rises and yesterday's hit fades. Titles nobody watched in the " +
    "timeframe are not listed.",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  query: z.strictObject({
    timeframe: z.enum(TIMEFRAMES).default(DEFAULT_TIMEFRAME).describe("`day`, `week` (default) or `month`."),
    ...browseQuery.shape,
  }),
  response: mixedList.extend({ timeframe: z.enum(TIMEFRAMES) }),
  errors: ["validation_failed", "forbidden", "profile_not_found"],
});

export const newEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/browse/new",
  summary: "Movies and shows newest on NormFlix first",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  query: browseQuery,
  response: mixedList,
  errors: ["validation_failed", "forbidden", "profile_not_found"],
});

export const genresEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/genres",
  summary: "Genres that have titles, with their counts",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  query: z.object(viewer),
  response: z.object({ items: z.array(z.object({ slug: z.string(), name: z.string(), title_count: z.number().int() })) }),
  errors: ["validation_failed", "forbidden", "profile_not_found"],
});

export const searchEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/search",
  summary: "Search titles, episodes, people and channels",
  description: "Typo-tolerant and usable as you type (from two characters); results of all types in one ranked list.",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  query: z.object({
    q: z.string().trim().min(2).max(200).describe("What was typed so far (2–200 characters)."),
    type: z.enum(SEARCH_KINDS).optional().describe("Only results of this type."),
    ...viewer,
    limit: pagination.limit,
  }),
  response: z.object({
    query: z.string(),
    items: z.array(
      z.object({
        type: z.enum(SEARCH_KINDS),
        id: z.guid(),
        title: z.string().describe("The title, episode title or person's name."),
        score: z.number(),
      }).loose(),
    ),
  }),
  errors: ["validation_failed", "forbidden", "profile_not_found"],
});
