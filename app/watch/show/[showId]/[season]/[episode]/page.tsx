// /watch/show/<showId>/<season>/<episode> – one episode in the player, with the next one up after the credits
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getEpisode } from "@/lib/catalog/catalog";
import { requireViewer } from "@/lib/site/session";
import { Watch } from "../../../../watch";

type Props = { params: Promise<{ showId: string; season: string; episode: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const watchPath = (showId: string, season: number, episode: number) => `/watch/show/${showId}/${season}/${episode}`;

async function episodeOrNotFound(params: Props["params"]) {
  const { showId, season, episode } = await params;
  if (!UUID.test(showId) || !/^\d{1,4}$/.test(season) || !/^\d{1,4}$/.test(episode)) notFound();
  // Published episodes: one the profile may not watch gets the player's own "not available on this profile".
  return getEpisode(showId, Number(season), Number(episode), undefined).catch(() => notFound());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const episode = await episodeOrNotFound(params);
  return { title: `Watch ${episode.show_title}: ${episode.title}` };
}

export default async function WatchEpisodePage({ params }: Props) {
  const episode = await episodeOrNotFound(params);
  const viewer = await requireViewer(watchPath(episode.show_id, episode.season, episode.episode));
  const next = episode.next ? await getEpisode(episode.show_id, episode.next.season, episode.next.episode, viewer.profile).catch(() => undefined) : undefined;
  return (
    <Watch
      viewer={viewer}
      item={{ kind: "episode", showId: episode.show_id, season: episode.season, episode: episode.episode }}
      info={{
        title: episode.show_title,
        subtitle: `S${episode.season}:E${episode.episode} “${episode.title}”`,
        backHref: `/title/show/${episode.show_id}`,
        next: next
          ? { href: watchPath(next.show_id, next.season, next.episode), title: `S${next.season}:E${next.episode} ${next.title}`, stillUrl: next.still_url }
          : null,
      }}
    />
  );
}
