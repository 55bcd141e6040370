// GET /api/admin/genres – every genre
// POST /api/admin/genres – add a genre
import { listGenres, saveGenre } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { createGenreEndpoint, listGenresEndpoint } from "../catalog/schema";

export const GET = withApi(listGenresEndpoint, ({ principal }) => listGenres(principal));

export const POST = withApi(createGenreEndpoint, ({ principal, body }) => saveGenre(principal, undefined, body));
