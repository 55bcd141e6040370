import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";
import { profileName } from "./schema";

// A profile's continue watching, history, watchlist, ratings and recommendations.
const tag = "Profiles";

const titleType = z.enum(["movie", "show"]).describe("`movie` or `show`.");
const nameParams = z.object({ name: profileName });
const titleParams = nameParams.extend({ type: titleType, id: z.guid().describe("The movie's or show's id.") });
const limitOnly = z.object({ limit: pagination.limit });

const title = z.object({
  type: titleType,
  id: z.guid(),
  title: z.string(),
  synopsis: z.string(),
  year: z.number().int(),
  maturity_rating: z.string(),
  genres: z.array(z.object({ slug: z.string(), name: z.string() })),
  poster_url: z.string().nullable(),
  backdrop_url: z.string().nullable(),
  runtime_seconds: z.number().int().nullable().optional().describe("Movies only."),
});

const progress = {
  episode: z
    .object({ season: z.number().int(), episode: z.number().int(), title: z.string(), still_url: z.string().nullable() })
    .optional()
    .describe("Shows only: the episode to play."),
  progress_seconds: z.number(),
  duration_seconds: z.number().nullable(),
  percent: z.number().int().min(0).max(100).nullable(),
  updated_at: z.iso.datetime({ offset: true }),
};

export const continueWatchingEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/continue-watching",
  summary: "What the profile started and has not finished",
  description:
    "Newest first; one item per movie and per show. A show's item is its most recent episode, or once that is finished " +
    "the next one (at 0 seconds); a show with nothing left drops out. Titles above the profile's rating never appear.",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  query: limitOnly,
  response: z.object({ items: z.array(title.extend(progress)) }),
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});

export const hideContinueWatchingEndpoint = endpoint({
  method: "DELETE",
  path: "/api/profiles/{name}/continue-watching/{item}",
  summary: "Hide a movie or show from continue watching",
  description: "Does not mark it watched: the next progress write on it brings it back.",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams.extend({ item: z.guid().describe("The movie's or show's id.") }),
  response: z.object({}),
  errors: ["forbidden", "profile_not_found", "not_in_continue_watching", "validation_failed"],
});

export const historyEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/history",
  summary: "Every movie and episode the profile started or watched",
  description: "Newest first, one item per movie or episode.",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  query: z.strictObject({
    status: z
      .enum(["completed", "in_progress"])
      .optional()
      .describe("`completed`: watched to the end (past 90% or the credits); `in_progress`: started, not finished. Both without it."),
    ...pagination,
  }),
  response: listOf(
    title.extend(progress).extend({
      item_id: z.guid().describe("The movie's or the episode's id."),
      kind: z.enum(["movie", "episode"]),
      watched: z.boolean(),
    }),
  ),
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});

export const removeFromHistoryEndpoint = endpoint({
  method: "DELETE",
  path: "/api/profiles/{name}/history/{type}/{id}",
  summary: "Remove a movie, an episode or a show from the profile's history",
  description:
    "Forgets the profile's progress on it: it leaves the history and continue watching, and counts as unwatched again. " +
    "`show` removes every episode of the show.",
  tag,
  auth: "required",
  profile: "required",
  params: z.strictObject({
    name: profileName,
    type: z.enum(["movie", "episode", "show"]).describe("`movie`, `episode` or `show`."),
    id: z.guid().describe("The movie's, episode's or show's id (`item_id` in the history for movies and episodes)."),
  }),
  response: z.object({}),
  errors: ["forbidden", "profile_not_found", "not_in_history", "validation_failed"],
});

const watchlistItem = title.extend({ added_at: z.iso.datetime({ offset: true }) });

export const watchlistEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/watchlist",
  summary: "The profile's watchlist, newest first",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  query: z.object(pagination),
  response: listOf(watchlistItem),
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});

export const addToWatchlistEndpoint = endpoint({
  method: "PUT",
  path: "/api/profiles/{name}/watchlist/{type}/{id}",
  summary: "Add a movie or show to the watchlist",
  description: "Idempotent: adding it again keeps its place.",
  tag,
  auth: "required",
  profile: "required",
  params: titleParams,
  response: watchlistItem,
  errors: ["forbidden", "profile_not_found", "movie_not_found", "show_not_found", "validation_failed"],
});

export const removeFromWatchlistEndpoint = endpoint({
  method: "DELETE",
  path: "/api/profiles/{name}/watchlist/{type}/{id}",
  summary: "Remove a movie or show from the watchlist",
  tag,
  auth: "required",
  profile: "required",
  params: titleParams,
  response: z.object({}),
  errors: ["forbidden", "profile_not_found", "not_on_watchlist", "validation_failed"],
});

const ratingValue = z.enum(["up", "down"]);

export const ratingsEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/ratings",
  summary: "The profile's thumbs up and down, newest first",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  query: z.object({ rating: ratingValue.optional().describe("Only this rating."), ...pagination }),
  response: listOf(title.extend({ rating: ratingValue, updated_at: z.iso.datetime({ offset: true }) })),
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});

export const rateEndpoint = endpoint({
  method: "PUT",
  path: "/api/profiles/{name}/ratings/{type}/{id}",
  summary: "Rate a movie or show up or down, or remove the rating",
  tag,
  auth: "required",
  profile: "required",
  params: titleParams,
  body: z.object({ rating: ratingValue.nullable().describe("`up`, `down`, or null to remove the rating.") }),
  response: z.object({
    type: titleType,
    id: z.guid(),
    rating: ratingValue.nullable(),
    updated_at: z.iso.datetime({ offset: true }).nullable(),
  }),
  errors: ["forbidden", "profile_not_found", "movie_not_found", "show_not_found", "validation_failed"],
});

export const recommendationsEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/recommendations",
  summary: "Titles for this profile, with why",
  description:
    "Similar titles (shared genres and people) and titles watched by those who watched the same, weighed by what the " +
    "profile watched, started and rated; never what it started (continue watching has it), finished or rated, " +
    "nor above its rating. Popular titles fill the rest (`reason: \"popular\"`), and make the whole list for a new profile.",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  query: limitOnly,
  response: z.object({
    items: z.array(
      title.extend({
        reason: z.union([
          z.object({ because_you_watched: z.string() }),
          z.object({ because_you_liked: z.string() }),
          z.literal("popular"),
        ]),
      }),
    ),
  }),
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});
