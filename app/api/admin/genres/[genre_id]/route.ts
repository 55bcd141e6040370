// PATCH /api/admin/genres/<genre_id> – rename a genre
// DELETE /api/admin/genres/<genre_id> – delete a genre
import { deleteGenre, saveGenre } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { deleteGenreEndpoint, updateGenreEndpoint } from "../../catalog/schema";

export const PATCH = withApi(updateGenreEndpoint, ({ principal, params, body }) => saveGenre(principal, params.genre_id, body));

export const DELETE = withApi(deleteGenreEndpoint, async ({ principal, params }) => {
  await deleteGenre(principal, params.genre_id);
  return {};
});
