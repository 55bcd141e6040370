// /watch/show/<showId>/<season>/<episode> – one episode in the player, with the next one up after the credits
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getEpisode } from "@/lib/catalog/catalog";
import { getFormat } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/site/session";
import { watchingProfile } from "../../../../watching-profile";
import { type EpisodeParams, episodeOrNotFound } from "./episode";
import { Watch } from "../../../../watch";

type Props = { params: Promise<EpisodeParams> };
const watchPath = (showId: string, season: number, episode: number) => `/watch/show/${showId}/${season}/${episode}`;

const episodeOf = async (params: Props["params"]) => {
  const { showId, season, episode } = await params;
  return episodeOrNotFound(showId, season, episode);
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { show_id, season, episode: number } = await episodeOf(params);
  // The tab names the episode only to a profile that may see it.
  const episode = await getEpisode(show_id, season, number, await watchingProfile()).catch(() => undefined);
  const t = await getTranslations("watch");
  return { title: episode ? t("watchTitle", { title: `${episode.show_title}: ${episode.title}` }) : t("watch") };
}

export default async function WatchEpisodePage({ params }: Props) {
  const episode = await episodeOf(params);
  const viewer = await requireViewer(watchPath(episode.show_id, episode.season, episode.episode));
  const f = await getFormat();
  const next = episode.next ? await getEpisode(episode.show_id, episode.next.season, episode.next.episode, viewer.profile).catch(() => undefined) : undefined;
  return (
    <Watch
      viewer={viewer}
      item={{ kind: "episode", showId: episode.show_id, season: episode.season, episode: episode.episode }}
      info={{
        title: episode.show_title,
        subtitle: `${f.episodeCode(episode.season, episode.episode)} “${episode.title}”`,
        backHref: `/title/show/${episode.show_id}`,
        next: next
          ? { href: watchPath(next.show_id, next.season, next.episode), title: `${f.episodeCode(next.season, next.episode)} ${next.title}`, stillUrl: next.still_url }
          : null,
      }}
    />
  );
}
