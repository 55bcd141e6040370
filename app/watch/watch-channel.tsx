import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { OffAirSlate } from "@/components/live/off-air-slate";
import Player from "@/components/player/player";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { CLIENT_IP_HEADER } from "@/lib/api/internal-headers";
import { requireChannel } from "@/lib/channels/channels";
import { startChannelStream } from "@/lib/channels/live-stream";
import { requireViewer } from "@/lib/site/session";
import { Problem } from "./watch";

type ChannelStart = { stream: Awaited<ReturnType<typeof startChannelStream>>; error?: never } | { stream?: never; error: ApiError };

export const CHANNEL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One stream start per request, whichever of the channel's watch layout and page asks first (as for titles, watch.tsx).
const requestSlot = cache((_channelId: string): { start?: Promise<ChannelStart> } => ({}));

function startWatchingChannel(viewer: Viewer, channelId: string): Promise<ChannelStart> {
  const slot = requestSlot(channelId);
  slot.start ??= headers().then((request) =>
    startChannelStream(viewer, channelId, { userAgent: request.get("user-agent") ?? undefined, ip: request.get(CLIENT_IP_HEADER) ?? undefined }).then(
      (stream) => ({ stream }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        return { error };
      },
    ),
  );
  return slot.start;
}

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
