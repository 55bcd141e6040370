import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { OffAirSlate } from "@/components/live/off-air-slate";
import Player from "@/components/player/player";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { requireChannel } from "@/lib/channels/channels";
import { startChannelStream } from "@/lib/channels/live-stream";
import { requireViewer } from "@/lib/site/session";
import { Problem, startOncePerRequest } from "./watch";

export const CHANNEL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The layout and the page share one start per request, as for titles.
const startWatchingChannel = (viewer: Viewer, channelId: string) =>
  startOncePerRequest(`channel:${channelId}`, (request) => startChannelStream(viewer, channelId, request));

async function ChannelRefusal({ error, channelId }: { error: ApiError; channelId: string }) {
  if (error.code === "channel_not_found") notFound();
  if (error.code === "channel_off_air") return <OffAirSlate channelId={channelId} name={(await requireChannel(channelId)).name} backHref="/live" />;
  return <Problem error={error} backHref="/live" />;
}

/**
 * The channel watch route's layout, outside its loading boundary: a document request starts the stream here, so a
 * refusal (a kids profile and an adult channel, no plan…) answers its own status before anything streams.
 */
export async function WatchChannelGate({ channelId, children }: { channelId: string; children: React.ReactNode }) {
  if (!CHANNEL_ID.test(channelId)) notFound();
  if ((await headers()).get("rsc") === "1") return children;
  const { error } = await startWatchingChannel(await requireViewer(`/watch/channel/${channelId}`), channelId);
  return error ? <ChannelRefusal error={error} channelId={channelId} /> : children;
}

/** Starts a channel stream for the signed-in profile and renders the player in live mode, or says why it cannot play. */
export async function WatchChannel({ viewer, channelId }: { viewer: Viewer; channelId: string }) {
  const { stream, error } = await startWatchingChannel(viewer, channelId);
  if (error) return <ChannelRefusal error={error} channelId={channelId} />;
  const { channel } = stream;
  return (
    <Player
      stream={stream}
      profile={viewer.profile.name}
      target={null}
      title={`${channel.number} · ${channel.name}`}
      backHref="/live"
      next={null}
      live={{ channelId: channel.id, ingest: channel.kind === "live" }}
    />
  );
}
