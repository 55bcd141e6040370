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

export const similarMoviesEndpoint = endpoint({
  method: "GET",
  path: "/api/movies/{movie_id}/similar",
  summary: "More like this movie",
  description,
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  params: z.strictObject({ movie_id: z.guid() }),
  query,
  response: similarList,
  errors: ["movie_not_found", "validation_failed", "forbidden", "profile_not_found"],
});

export const similarShowsEndpoint = endpoint({
  method: "GET",
  path: "/api/shows/{tv_show_id}/similar",
  summary: "More like this show",
  description,
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  params: z.strictObject({ tv_show_id: z.guid() }),
  query,
  response: similarList,
  errors: ["show_not_found", "validation_failed", "forbidden", "profile_not_found"],
});
