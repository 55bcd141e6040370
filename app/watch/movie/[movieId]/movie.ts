import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getMovie } from "@/lib/catalog/catalog";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The published movie, read once per request by the layout, the metadata and the page; an unknown id is a 404. One
 * the profile may not watch gets the player's own "not available on this profile".
 */
export const movieOrNotFound = cache(async (movieId: string) => {
  if (!UUID.test(movieId)) notFound();
  return getMovie(movieId, undefined).catch(() => notFound());
});
