import { type EpisodeParams, episodeOrNotFound } from "./episode";

// Outside the loading boundary: an unknown episode is answered 404 before the spinner streams.
export default async function WatchEpisodeLayout({ children, params }: { children: React.ReactNode; params: Promise<EpisodeParams> }) {
  const { showId, season, episode } = await params;
  await episodeOrNotFound(showId, season, episode);
  return children;
}
