import "server-only";
import { findTitle } from "@/db/queries/catalog";
import { listSimilar } from "@/db/queries/similar";
import type { Audience } from "@/lib/access/visibility";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { titleItem, type Page } from "./catalog";

/**
 * "More like this": titles sharing the title's genres and people, and those finished by the profiles that finished it
 * (db/queries/similar.ts), among what `audience` may see; with a viewer, never what its profile finished.
 * The API's /movies/{id}/similar and /shows/{id}/similar, and the site's title pages.
 */
export async function getSimilar(kind: "movie" | "show", id: string, audience: Audience, viewer: Viewer | undefined, page: Page) {
  const title = await findTitle(id, kind, audience);
  if (!title) {
    throw kind === "movie"
      ? new ApiError("movie_not_found", "There is no movie with this id.")
      : new ApiError("show_not_found", "There is no show with this id.");
  }
  const { rows, total } = await listSimilar(title.id, { audience, profileId: viewer?.profile.id }, page.limit, page.offset);
  return {
    items: rows.map(({ row, sharedGenres, sharedPeople }) => ({ ...titleItem(row), shared_genres: sharedGenres, shared_people: sharedPeople })),
    total,
    limit: page.limit,
    offset: page.offset,
  };
}
