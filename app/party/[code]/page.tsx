// /party/<code> – the invite link: sign in and pick a profile first (requireViewer), then straight into the party
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import Player from "@/components/player/player";
import type { ProgressTarget } from "@/components/player/types";
import { ApiError } from "@/lib/api/errors";
import { CLIENT_IP_HEADER } from "@/lib/api/internal-headers";
import { CODE_PATTERN, joinParty, positionNow } from "@/lib/parties/parties";
import { getFormat } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/site/session";
import { Problem } from "../../watch/watch";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("party"))("title") };
}

export default async function PartyPage({ params }: Props) {
  const code = (await params).code.toUpperCase();
  if (!CODE_PATTERN.test(code)) notFound();
  const viewer = await requireViewer(`/party/${code}`);
  const request = await headers();
  let party;
  try {
    party = await joinParty(viewer, code, { userAgent: request.get("user-agent") ?? undefined, ip: request.get(CLIENT_IP_HEADER) ?? undefined });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return <Problem error={error} backHref="/browse" />;
  }
  const { title } = party;
  const [f, t] = await Promise.all([getFormat(), getTranslations("party")]);
  const target: ProgressTarget =
    title.type === "movie"
      ? { kind: "movie_watch_progress", movie_id: title.id }
      : { kind: "tv_show_watch_progress", tv_show_id: title.tv_show_id!, tv_show_season: title.season!, tv_show_episode: title.episode! };
  const backHref = title.type === "movie" ? `/title/movie/${title.id}` : `/title/show/${title.tv_show_id}`;
  // A late joiner starts where the party is, not where the profile stopped last time.
  const state = { playing: party.state.playing, position: party.state.position, rate: party.state.rate, stateUpdatedAt: new Date(party.state.updated_at) };
  const stream = { ...party.stream, resume_from: positionNow(state) };
  return (
    <Player
      stream={stream}
      profile={viewer.profile.name}
      target={target}
      title={title.title}
      subtitle={title.type === "episode" ? `${f.episodeCode(title.season!, title.episode!)} “${title.episode_title}”` : t("title")}
      backHref={backHref}
      next={null}
      party={party}
    />
  );
}
