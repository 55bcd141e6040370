import { WatchGate } from "../../../../watch";
import { type EpisodeParams, episodeOrNotFound } from "./episode";

// Outside the loading boundary: an unknown episode is answered 404, and a refusal with its own status, before the
// spinner streams.
export default async function WatchEpisodeLayout({ children, params }: { children: React.ReactNode; params: Promise<EpisodeParams> }) {
  const { showId, season, episode } = await params;
  const found = await episodeOrNotFound(showId, season, episode);
  return (
    <WatchGate
      item={{ kind: "episode", showId: found.show_id, season: found.season, episode: found.episode }}
      returnTo={`/watch/show/${found.show_id}/${found.season}/${found.episode}`}
      backHref={`/title/show/${found.show_id}`}
    >
      {children}
    </WatchGate>
  );
}
