import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { pagination, viewer } from "@/lib/api/query-schemas";
import { profileName } from "./schema";

// Reviews: a profile's own (GET|PUT|DELETE), helpful marks, a title's list, and admins hiding one.
const tag = "Reviews";
const titleType = z.enum(["movie", "show"]).describe("`movie` or `show`.");
const ownParams = z.strictObject({ name: profileName, type: titleType, id: z.guid().describe("The movie's or show's id.") });

const review = z.object({
  id: z.guid(),
  profile: z.string().describe("The reviewing profile's name."),
  avatar: z.string(),
  stars: z.number().int().min(1).max(5),
  title: z.string().nullable(),
  text: z.string().nullable(),
  helpful_count: z.number().int(),
  marked_helpful: z.boolean().describe("Whether the reading profile marked it helpful."),
  yours: z.boolean().describe("Whether the reading profile wrote it."),
  hidden: z.boolean().describe("Hidden by an admin (shown to its author only)."),
  created_at: z.string(),
  updated_at: z.string(),
});

export const ownReviewEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/reviews/{type}/{id}",
  summary: "The profile's review of a movie or show",
  tag,
  auth: "required",
  profile: "required",
  params: ownParams,
  query: z.strictObject({}),
  response: z.object({ review: review.nullable() }),
  errors: ["forbidden", "profile_not_found", "movie_not_found", "show_not_found", "validation_failed"],
});

export const writeReviewEndpoint = endpoint({
  method: "PUT",
  path: "/api/profiles/{name}/reviews/{type}/{id}",
  summary: "Write or change the profile's review",
  description: "One review per profile and title. Plain text: control characters are dropped and the site shows it as text, never as HTML.",
  tag,
  auth: "required",
  profile: "required",
  params: ownParams,
  body: z.strictObject({
    stars: z.number().int().min(1).max(5).describe("1 to 5."),
    title: z.string().max(100).nullable().optional().describe("A headline, up to 100 characters."),
    text: z.string().max(2000).nullable().optional().describe("Up to 2,000 characters of plain text."),
  }),
  response: z.object({ review }),
  errors: ["forbidden", "profile_not_found", "movie_not_found", "show_not_found", "validation_failed"],
});

export const deleteReviewEndpoint = endpoint({
  method: "DELETE",
  path: "/api/profiles/{name}/reviews/{type}/{id}",
  summary: "Delete the profile's review",
  tag,
  auth: "required",
  profile: "required",
  params: ownParams,
  response: z.object({}),
  errors: ["forbidden", "profile_not_found", "movie_not_found", "show_not_found", "review_not_found", "validation_failed"],
});

const helpfulParams = z.strictObject({ name: profileName, review_id: z.guid() });
const helpfulResponse = z.object({ review_id: z.guid(), marked_helpful: z.boolean(), helpful_count: z.number().int() });

const helpfulEndpoint = <const M extends "PUT" | "DELETE">(method: M, summary: string, description?: string) =>
  endpoint({
    method,
    path: "/api/profiles/{name}/helpful/{review_id}",
    summary,
    description,
    tag,
    auth: "required",
    profile: "required",
    params: helpfulParams,
    response: helpfulResponse,
    errors: ["forbidden", "profile_not_found", "review_not_found", "validation_failed"],
  });

export const markHelpfulEndpoint = helpfulEndpoint("PUT", "Mark another profile's review helpful", "Once per profile (again is no change); not one's own review (403).");
export const unmarkHelpfulEndpoint = helpfulEndpoint("DELETE", "Take back a helpful mark");

const listQuery = z.strictObject({
  profile: viewer.profile,
  sort: z.enum(["newest", "helpful"]).default("newest").describe("newest (default) or helpful (most marked helpful first)."),
  ...pagination,
});
const reviewList = z.object({
  average_stars: z.number().nullable().describe("Of every visible review; null without any."),
  count: z.number().int(),
  distribution: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }),
  sort: z.enum(["newest", "helpful"]),
  items: z.array(review),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

const titleReviewsEndpoint = <const P extends string, const C extends "movie_not_found" | "show_not_found">(path: string, param: P, kind: string, notFound: C) =>
  endpoint({
    method: "GET",
    path,
    summary: `A ${kind}'s reviews, with the average and count`,
    description: "Newest or most helpful first, paged; reviews hidden by an admin are left out. With `profile` (and a bearer token), `marked_helpful` and `yours` are that profile's.",
    tag,
    auth: "none",
    profile: "optional",
    params: z.strictObject({ [param]: z.guid() } as Record<P, z.ZodGUID>),
    query: listQuery,
    response: reviewList,
    errors: [notFound, "validation_failed", "forbidden", "profile_not_found"],
  });

export const movieReviewsEndpoint = titleReviewsEndpoint("/api/movies/{movie_id}/reviews", "movie_id", "movie", "movie_not_found");
export const showReviewsEndpoint = titleReviewsEndpoint("/api/shows/{tv_show_id}/reviews", "tv_show_id", "show", "show_not_found");

export const hideReviewEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/reviews/{review_id}/hidden",
  summary: "Hide a review from every list, or show it again",
  tag: "Admin: catalog",
  auth: "admin",
  params: z.strictObject({ review_id: z.guid() }),
  body: z.strictObject({ hidden: z.boolean() }),
  response: z.object({ review_id: z.guid(), hidden: z.boolean() }),
  errors: ["forbidden", "review_not_found", "validation_failed"],
});
