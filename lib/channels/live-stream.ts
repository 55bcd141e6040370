import "server-only";
import path from "node:path";
import { findChannel, renewChannelStream } from "@/db/queries/channels";
import { openStreamWithinLimit } from "@/db/queries/streams";
import { canPlayChannel, type Viewer } from "@/lib/access/rules";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { renderMasterPlaylist } from "@/lib/media/hls";
import { allowedRenditions } from "@/lib/playback/playlists";
import { LEASE_SECONDS, streamLimitError, type StreamRequest } from "@/lib/playback/streams";
import { manifestExpiry, MANIFEST_TTL_SECONDS, MEDIA_PREFIX, signPath } from "@/lib/playback/signing";
import { channelView } from "./channels";
import { liveSegmentExpiry, signedLivePlaylist } from "./ingest/signed-playlist";
import { ingestView, liveDir } from "./ingest/status";
import { renderLivePlaylist } from "./live-playlist";
import { loadSchedule } from "./schedule";

// Watching a channel: the same rights, plan limits and lease as a title (lib/access, lib/playback), and signed live
// playlists under /media/channels/<channel>/<stream>/. A channel stream's lease is renewed by its player's playlist
// refreshes (no progress is written for live TV), and a stream that was ended stops getting playlists.
// A live (ingested) channel answers the same way: its master lists the ladder the ingest writes (plan-capped), its
// variants are the ingest's sliding-window playlists with every segment URL signed (/media/live/<channel>/…), one
// signed text shared by all its viewers (ingest/signed-playlist.ts).
// Off air, a stream start is refused 409 `channel_off_air`; a player already watching keeps its playlist, which grows
// again (after an #EXT-X-DISCONTINUITY) when the feed comes back.

/** How long a channel stream's variant URLs stay valid: a long evening in front of the TV. */
export const LIVE_VIEWING_SECONDS = 12 * 3600;

const channelPath = (channelId: string, streamId: string, file: string) => `${MEDIA_PREFIX}/channels/${channelId}/${streamId}/${file}`;

export async function startChannelStream(viewer: Viewer, channelId: string, request: StreamRequest, now = Date.now()) {
  const channel = await findChannel(channelId);
  if (!channel) throw new ApiError("channel_not_found", "There is no channel with this id.");
  const schedule = await loadSchedule(channel);
  const titles = [...new Map(schedule.items.map((item) => [item.titleId, { id: item.titleId, access: item.access, maturityLevel: item.maturityLevel, maturityRating: item.maturityRating }])).values()];
  const allowance = await canPlayChannel(viewer, channel, titles);
  const live = channel.kind === "live";
  if (live && (ingestView(schedule.ingest, now).state !== "on_air" || !schedule.ladder.length)) {
    throw new ApiError("channel_off_air", "This channel is off air: its feed has stopped. It comes back by itself when the feed does.", {
      since: schedule.ingest?.since.toISOString() ?? null,
    });
  }
  if (!live && !schedule.items.length) throw new ApiError("media_not_ready", "This channel is off air: nothing on its schedule can be played yet.");

  const onAir = live ? undefined : schedule.items[schedule.timeline.segment(schedule.timeline.sequenceAt(now)).programmeIndex];
  const opened = await openStreamWithinLimit(
    {
      accountId: viewer.principal.accountId,
      profileId: viewer.profile.id,
      kind: onAir?.kind ?? null,
      itemId: onAir ? (onAir.episodeId ?? onAir.titleId) : null,
      titleId: onAir?.titleId ?? null,
      assetId: onAir?.asset!.id ?? null,
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
  if (channel.kind === "live") return serveIngestPlaylist(request, channelId, streamId, schedule, master?.[1], variant?.[1], expires, now);
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
  return playlistResponse(request, body);
}

function playlistResponse(request: Request, body: string): Response {
  const type = { "content-type": "application/vnd.apple.mpegurl", "content-length": String(Buffer.byteLength(body)) };
  return new Response(request.method === "HEAD" ? null : body, { headers: { ...headers, ...type } });
}

/**
 * A live channel's playlists: the master from the ladder its ingest writes, capped by the plan; a rung's playlist is
 * the ingest's own (the DVR window, program date-times, discontinuities where the feed came back) with each segment
 * signed at least until the variant URL's expiry, as /media/live/<channel>/<rung>/<segment>.
 */
async function serveIngestPlaylist(
  request: Request,
  channelId: string,
  streamId: string,
  schedule: Awaited<ReturnType<typeof loadSchedule>>,
  maxQuality: string | undefined,
  rung: string | undefined,
  expires: number,
  now: number,
): Promise<Response> {
  const missing = () => errorResponse(new ApiError("not_found", "No such live playlist."), headers);
  if (!schedule.ladder.length) return missing();
  if (maxQuality) {
    const windowExpires = expires - MANIFEST_TTL_SECONDS + LIVE_VIEWING_SECONDS;
    const renditions = allowedRenditions(schedule.ladder, maxQuality).map((r) => ({ ...r, playlist: `${r.name}.m3u8` }));
    return playlistResponse(request, renderMasterPlaylist(renditions, (playlist) => signPath(channelPath(channelId, streamId, playlist), windowExpires)));
  }
  if (!schedule.ladder.some((r) => r.name === rung)) return missing();
  const file = path.join(liveDir(channelId), rung!, "index.m3u8");
  const segmentsExpire = liveSegmentExpiry(expires, LIVE_VIEWING_SECONDS, now);
  const text = await signedLivePlaylist(file, `${MEDIA_PREFIX}/live/${channelId}/${rung}/index.m3u8`, segmentsExpire, now);
  return text === undefined ? missing() : playlistResponse(request, text);
}
