import "server-only";
import { renewChannelStream } from "@/db/queries/channels";
import { findChannel } from "@/db/queries/channels";
import { openStreamWithinLimit } from "@/db/queries/streams";
import { canPlayChannel, type Viewer } from "@/lib/access/rules";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { renderMasterPlaylist } from "@/lib/media/hls";
import { allowedRenditions } from "@/lib/playback/playlists";
import { LEASE_SECONDS, streamLimitError, type StreamRequest } from "@/lib/playback/streams";
import { manifestExpiry, MANIFEST_TTL_SECONDS, MEDIA_PREFIX, signPath } from "@/lib/playback/signing";
import { channelView } from "./channels";
import { renderLivePlaylist } from "./live-playlist";
import { loadSchedule } from "./schedule";

// Watching a channel: the same rights, plan limits and lease as a title (lib/access, lib/playback), and signed live
// playlists under /media/channels/<channel>/<stream>/. A channel stream's lease is renewed by its player's playlist
// refreshes (no progress is written for live TV), and a stream that was ended stops getting playlists.

/** How long a channel stream's variant URLs stay valid: a long evening in front of the TV. */
export const LIVE_VIEWING_SECONDS = 12 * 3600;

const channelPath = (channelId: string, streamId: string, file: string) => `${MEDIA_PREFIX}/channels/${channelId}/${streamId}/${file}`;

export async function startChannelStream(viewer: Viewer, channelId: string, request: StreamRequest, now = Date.now()) {
  const channel = await findChannel(channelId);
  if (!channel) throw new ApiError("channel_not_found", "There is no channel with this id.");
  const schedule = await loadSchedule(channel);
  const titles = [...new Map(schedule.items.map((item) => [item.titleId, { id: item.titleId, access: item.access, maturityLevel: item.maturityLevel, maturityRating: item.maturityRating }])).values()];
  const allowance = await canPlayChannel(viewer, titles);
  if (!schedule.items.length) throw new ApiError("media_not_ready", "This channel is off air: nothing on its schedule can be played yet.");

  const onAir = schedule.items[schedule.timeline.segment(schedule.timeline.sequenceAt(now)).programmeIndex];
  const opened = await openStreamWithinLimit(
    {
      accountId: viewer.principal.accountId,
      profileId: viewer.profile.id,
      kind: onAir.kind,
      itemId: onAir.episodeId ?? onAir.titleId,
      titleId: onAir.titleId,
      assetId: onAir.asset!.id,
      channelId: channel.id,
      userAgent: request.userAgent?.slice(0, 500) ?? null,
      ip: request.ip ?? null,
    },
    allowance.maxStreams,
    LEASE_SECONDS,
  );
  if (!opened.stream) throw streamLimitError(allowance, opened.live);

  const manifestExpires = manifestExpiry(now);
  const renditions = allowedRenditions(schedule.ladder, allowance.maxQuality);
  return {
    stream_id: opened.stream.id,
    manifest_url: signPath(channelPath(channel.id, opened.stream.id, `master-${allowance.maxQuality}.m3u8`), manifestExpires),
    expires_at: new Date(manifestExpires * 1000).toISOString(),
    max_quality: renditions[renditions.length - 1].name,
    qualities: renditions.map((r) => r.name),
    subtitles: [],
    // Programmes play the audio muxed into their video renditions: a multi-audio title's default track.
    audio_tracks: [],
    audio_language: null,
    subtitle_language: null,
    resume_from: 0,
    duration_seconds: null,
    thumbnails_url: null,
    intro: null,
    credits_start: null,
    next: null,
    lease_seconds: LEASE_SECONDS,
    right: { via: "plan" as const, ends_at: null },
    live: true as const,
    channel: channelView(channel, schedule, now),
  };
}

const MASTER = /^master-(\d+p)\.m3u8$/;
const VARIANT = /^(\d+p)\.m3u8$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const headers = { "access-control-allow-origin": "*", "x-content-type-options": "nosniff", "cache-control": "no-store" };

/**
 * GET /media/channels/<channel>/<stream>/(master-<q>|<rendition>).m3u8 whose signature was checked (valid until
 * `expires`): the plan-capped master, or a rendition's live playlist at this moment, its segments signed until the
 * same expiry. Each request renews the stream's lease; an ended stream is refused.
 */
export async function serveChannelPlaylist(request: Request, segments: string[], expires: number, now = Date.now()): Promise<Response> {
  const [channelId, streamId, file, ...rest] = segments;
  const master = file ? MASTER.exec(file) : null;
  const variant = file ? VARIANT.exec(file) : null;
  const missing = () => errorResponse(new ApiError("not_found", "No such live playlist."), headers);
  if (!UUID.test(channelId ?? "") || !UUID.test(streamId ?? "") || rest.length || (!master && !variant)) return missing();
  const channel = await findChannel(channelId);
  if (!channel) return missing();
  if (!(await renewChannelStream(streamId, channelId, LEASE_SECONDS))) {
    return errorResponse(new ApiError("forbidden", "This stream has ended: start watching the channel again."), headers);
  }
  const schedule = await loadSchedule(channel);
  if (!schedule.items.length) return missing();
  let body: string;
  if (master) {
    const windowExpires = expires - MANIFEST_TTL_SECONDS + LIVE_VIEWING_SECONDS;
    const renditions = allowedRenditions(schedule.ladder, master[1]);
    // No audio group: programmes play the audio muxed into their video renditions, a multi-audio title's default track.
    body = renderMasterPlaylist(renditions, (playlist) => signPath(channelPath(channelId, streamId, playlist), windowExpires));
  } else {
    if (!schedule.ladder.some((r) => r.name === variant![1])) return missing();
    body = renderLivePlaylist(schedule.timeline, variant![1], now, (uri) => signPath(uri, expires));
  }
  const type = { "content-type": "application/vnd.apple.mpegurl", "content-length": String(Buffer.byteLength(body)) };
  return new Response(request.method === "HEAD" ? null : body, { headers: { ...headers, ...type } });
}
