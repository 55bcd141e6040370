import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination, viewer } from "@/lib/api/query-schemas";
import { movieItem } from "../movies/schema";
import { showItem } from "../shows/schema";

// "More like this" for a movie or a show.
const why = {
  shared_genres: z.number().int().describe("Genres it shares with the title."),
  shared_people: z.number().int().describe("Cast, directors and creators it shares with the title."),
};
const similarList = listOf(z.discriminatedUnion("type", [movieItem.extend(why), showItem.extend(why)]));
const query = z.strictObject({ profile: viewer.profile, ...pagination });

const description =
  "Movies and shows like this one, most alike first: shared genres (1 point each), shared cast and crew (1.5 each) and " +
  "co-watching (profiles that finished this title also finished that one: 2·ln(1 + n)). Never the title itself; with " +
  "`profile` (and a bearer token), only what that profile may watch and never what it finished (a movie watched to the " +
  "end, a show with every episode watched).";

/** The endpoint for one kind: its path parameter and not-found code are the kind's, as on the title's own endpoint. */
const similarEndpoint = <const P extends string, const C extends "movie_not_found" | "show_not_found">(
  path: string,
  param: P,
  kind: string,
  notFound: C,
) =>
  endpoint({
    method: "GET",
    path,
    summary: `More like this ${kind}`,
    description,
    tag: "Catalog",
    auth: "none",
    profile: "optional",
    params: z.strictObject({ [param]: z.guid() } as Record<P, z.ZodGUID>),
    query,
    response: similarList,
    errors: [notFound, "validation_failed", "forbidden", "profile_not_found"],
  });

export const similarMoviesEndpoint = similarEndpoint("/api/movies/{movie_id}/similar", "movie_id", "movie", "movie_not_found");
export const similarShowsEndpoint = similarEndpoint("/api/shows/{tv_show_id}/similar", "tv_show_id", "show", "show_not_found");
