import "server-only";
import path from "node:path";
import { addRefusedPushes, writeIngestStatus, type IngestStatus } from "@/db/queries/ingest";
import type { ChannelIngest } from "@/db/schema";
import { env, mediaDir } from "@/lib/env";
import { publish } from "@/lib/realtime";

// A live channel's ingest status: written by the worker that holds it, pushed to admins through lib/realtime.

/** The admin channels feed's topic: an event whenever a channel's ingest changes (any worker, any instance). */
export const CHANNELS_TOPIC = "admin.channels";

/** A worker silent this long loses its channels to another (and its "on air" is not believed). */
export const ingestStaleSeconds = () => Math.min(30, env.JOB_HEARTBEAT_TIMEOUT_SECONDS);

/** Where a live channel's ladder is written: MEDIA_DIR/live/<channel>/<rung>/index.m3u8 and its segments. */
export const liveDir = (channelId: string) => path.join(mediaDir, "live", channelId);

/** Records what the holder knows and tells the admins watching; false when the worker no longer holds the channel. */
export async function recordIngestStatus(channelId: string, workerId: string, status: IngestStatus): Promise<boolean> {
  if (!(await writeIngestStatus(channelId, workerId, status))) return false;
  await publish(CHANNELS_TOPIC, "ingest_changed", { channel_id: channelId });
  return true;
}

/** Counts refused pushes (push-guard.ts) and tells the admins watching; false when the worker no longer holds the channel. */
export async function recordRefusedPushes(channelId: string, workerId: string, refused: Parameters<typeof addRefusedPushes>[2]): Promise<boolean> {
  if (!(await addRefusedPushes(channelId, workerId, refused))) return false;
  await publish(CHANNELS_TOPIC, "ingest_changed", { channel_id: channelId });
  return true;
}

/** The status as the admin API shows it (a channel never run yet is off air). */
export function ingestView(ingest: ChannelIngest | undefined, now = Date.now(), staleSeconds = ingestStaleSeconds()) {
  // A holder that stopped heartbeating (its machine died) left its row saying on air: it is not.
  const alive = ingest?.heartbeatAt !== null && ingest?.heartbeatAt !== undefined && now - ingest.heartbeatAt.getTime() < staleSeconds * 1000;
  const onAir = alive && ingest!.state === "on_air";
  return {
    state: onAir ? ("on_air" as const) : ("off_air" as const),
    since: ingest?.since.toISOString() ?? null,
    width: onAir ? ingest!.width : null,
    height: onAir ? ingest!.height : null,
    fps: onAir ? ingest!.fps : null,
    bitrate_kbps: onAir ? ingest!.bitrateKbps : null,
    video_codec: onAir ? ingest!.videoCodec : null,
    audio_codec: onAir ? ingest!.audioCodec : null,
    renditions: onAir ? ingest!.renditions.map((r) => r.name) : [],
    running: alive,
    last_error: ingest?.lastError ?? null,
    // Pushes refused for a wrong stream key, or from an address throttled for sending wrong ones (push-guard.ts).
    refused_pushes: ingest?.refusedPushes ?? 0,
    last_refused_at: ingest?.lastRefusedAt?.toISOString() ?? null,
    last_refused_address: ingest?.lastRefusedAddress ?? null,
  };
}

export type IngestView = ReturnType<typeof ingestView>;
