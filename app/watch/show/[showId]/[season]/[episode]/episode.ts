import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getEpisode } from "@/lib/catalog/catalog";

export type EpisodeParams = { showId: string; season: string; episode: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The published episode, read once per request by the layout, the metadata and the page; an unknown one is a 404. One
 * the profile may not watch gets the player's own "not available on this profile".
 */
export const episodeOrNotFound = cache(async (showId: string, season: string, episode: string) => {
  if (!UUID.test(showId) || !/^\d{1,4}$/.test(season) || !/^\d{1,4}$/.test(episode)) notFound();
  return getEpisode(showId, Number(season), Number(episode), undefined).catch(() => notFound());
});
