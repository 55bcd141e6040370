import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { viewer } from "@/lib/api/query-schemas";
import { HOME_ROW_KINDS } from "@/lib/catalog/kinds";

const rowItem = z
  .object({
    type: z.enum(["movie", "show"]),
    id: z.guid(),
    title: z.string(),
    poster_url: z.string().nullable(),
    backdrop_url: z.string().nullable(),
  })
  .loose()
  .describe(
    "A title as in the catalog's lists; continue_watching items add the progress (and `episode`), recommendations their `reason`.",
  );

export const homeEndpoint = endpoint({
  publicCache: true,
  method: "GET",
  path: "/api/browse/home",
  summary: "The home page's rows, as the site's browse page shows them",
  description:
    "The rows of the site's home page, in its order and with its titles, so a client can build the same home: the " +
    "`hero` (the titles the editors feature, or one of the most popular when none is), the profile's own rows " +
    "(`continue_watching`, `my_list`, `recommendations`: only with `profile`), `trending`, `new`, `for_sale`, " +
    "`genre` rows and the editors' `collection` rows placed at their positions. A kids profile gets the kids home " +
    "(`popular`, `new`, kids' genres, no `for_sale`). Every row lists only titles the profile may see; empty rows are " +
    "left out. Rows list at most 20 titles.",
  tag: "Catalog",
  auth: "none",
  profile: "optional",
  query: z.strictObject({ profile: viewer.profile.describe("With a bearer token (or the site's session): the home of this profile.") }),
  response: z.object({
    rows: z.array(
      z.object({
        id: z.string().describe("Stable per row: `hero`, `trending`, `genre:<slug>`, `collection:<slug>`…"),
        title: z.string(),
        kind: z.enum(HOME_ROW_KINDS),
        slug: z.string().optional().describe("A collection's slug (its page: GET /api/collections/{slug})."),
        description: z.string().nullable().optional().describe("A collection's description."),
        items: z.array(rowItem),
      }),
    ),
  }),
  errors: ["validation_failed", "forbidden", "profile_not_found"],
});
