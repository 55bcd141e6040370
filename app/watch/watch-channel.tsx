import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { OffAirSlate } from "@/components/live/off-air-slate";
import Player from "@/components/player/player";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { CLIENT_IP_HEADER } from "@/lib/api/internal-headers";
import { requireChannel } from "@/lib/channels/channels";
import { startChannelStream } from "@/lib/channels/live-stream";
import { Problem } from "./watch";

/** Starts a channel stream for the signed-in profile and renders the player in live mode, or says why it cannot play. */
export async function WatchChannel({ viewer, channelId }: { viewer: Viewer; channelId: string }) {
  const request = await headers();
  let stream;
  try {
    stream = await startChannelStream(viewer, channelId, { userAgent: request.get("user-agent") ?? undefined, ip: request.get(CLIENT_IP_HEADER) ?? undefined });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "channel_not_found") notFound();
    if (error.code === "channel_off_air") return <OffAirSlate channelId={channelId} name={(await requireChannel(channelId)).name} backHref="/live" />;
    return <Problem error={error} backHref="/live" />;
  }
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
