import "server-only";
import { findEpisode, findNextEpisode, findTitle } from "@/db/queries/catalog";
import type { ItemRef } from "@/db/queries/progress";
import { findStreamStartFacts } from "@/db/queries/stream-start";
import { forgetViewing } from "@/lib/catalog/cache";
import { endStream, listLiveStreams, openStreamWithinLimit, type LiveStream } from "@/db/queries/streams";
import { STREAM_LEASE_SECONDS } from "@/db/schema/playback";
import { decidePlay, openRight, type Allowance, type Viewer } from "@/lib/access/rules";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { startingLanguages } from "./languages";
import { allowedRenditions, masterPath } from "./playlists";
import { manifestExpiry, mediaPath, playbackWindowExpiry, signPath } from "./signing";

// Starting playback: the right to play (lib/access/rules.ts), the plan's concurrent streams, a lease on one stream,
// and signed URLs. A lease lives while the player's progress writes renew it, and ends on DELETE or LEASE_SECONDS of silence.

export const LEASE_SECONDS = STREAM_LEASE_SECONDS;

export type PlaybackItem = ItemRef;

export type StreamRequest = { userAgent?: string; ip?: string };

export async function startStream(viewer: Viewer, item: PlaybackItem, request: StreamRequest, now = Date.now()) {
  const { principal, profile } = viewer;
  // Three round trips: what decides (this one statement), the lease, and a rental's window on its first stream.
  const facts = await findStreamStartFacts(principal.accountId, profile.id, item);
  const { title, itemId, asset } = facts;
  if (!title || !itemId) throw notFound(item, !!title);
  const right = await decidePlay(viewer, title, facts);
  if (!asset || asset.status !== "ready" || asset.renditions.length === 0) {
    throw new ApiError("media_not_ready", "This video is still being prepared or is unavailable. Try again in a few minutes.");
  }

  const opened = await openStreamWithinLimit(
    {
      accountId: principal.accountId,
      profileId: profile.id,
      kind: item.kind,
      itemId,
      titleId: title.id,
      assetId: asset.id,
      userAgent: request.userAgent?.slice(0, 500) ?? null,
      ip: request.ip ?? null,
    },
    right.maxStreams,
    LEASE_SECONDS,
  );
  forgetViewing(); // the start counts towards trending (lib/catalog/cache.ts)
  if (!opened.stream) throw streamLimitError(right, opened.live);
  // Only a stream that really opened starts a rental's window.
  const rightEndsAt = await openRight(right);

  const progress = facts.progress ?? { position: null, watched: false };
  const manifestExpires = manifestExpiry(now);
  // The same window the master playlist gives its variants (lib/playback/media.ts).
  const windowExpires = playbackWindowExpiry(manifestExpires, asset.durationSeconds);
  const renditions = allowedRenditions(asset.renditions, right.maxQuality);
  const subtitles = facts.subtitles;
  const languages = startingLanguages(asset.audioTracks, subtitles, profile);
  return {
    stream_id: opened.stream.id,
    manifest_url: signPath(masterPath(asset.id, right.maxQuality), manifestExpires),
    expires_at: new Date(manifestExpires * 1000).toISOString(),
    max_quality: renditions[renditions.length - 1].name,
    qualities: renditions.map((r) => r.name),
    subtitles: subtitles.map((s) => ({ language: s.language, label: s.label, url: signPath(mediaPath(asset.id, s.path), windowExpires) })),
    audio_tracks: asset.audioTracks.map((t) => ({ language: t.language, label: t.label, default: t.default })),
    audio_language: languages.audio,
    subtitle_language: languages.subtitles,
    resume_from: progress.watched || progress.position === null ? 0 : progress.position,
    duration_seconds: asset.durationSeconds,
    thumbnails_url: asset.thumbnailsVtt ? signPath(mediaPath(asset.id, asset.thumbnailsVtt), windowExpires) : null,
    intro:
      asset.introStartSeconds != null && asset.introEndSeconds != null
        ? { start: asset.introStartSeconds, end: asset.introEndSeconds }
        : null,
    credits_start: asset.creditsStartSeconds,
    next: facts.next,
    lease_seconds: LEASE_SECONDS,
    right: { via: right.via, ends_at: rightEndsAt?.toISOString() ?? null },
  };
}

/** 409 `stream_limit_reached`, naming the account's live streams. */
export function streamLimitError(right: Allowance, live: LiveStream[]): ApiError {
  const streamsText = `${right.maxStreams} stream${right.maxStreams === 1 ? "" : "s"} at a time`;
  return new ApiError(
    "stream_limit_reached",
    right.planName
      ? `Your ${right.planName} plan allows ${streamsText}. Stop another stream or upgrade.`
      : `Without a plan, rented, bought and free titles play on ${streamsText}. Stop another stream or choose a plan.`,
    { max_streams: right.maxStreams, active_streams: live.map(liveStreamView) },
  );
}

export type StreamStart = Awaited<ReturnType<typeof startStream>>;

/** The movie or episode, and the title it belongs to; 404 codes when there is none. */
export async function findItem(item: PlaybackItem) {
  if (item.kind === "movie") {
    const title = await findTitle(item.movieId, "movie");
    if (!title) throw notFound(item, false);
    return { title, itemId: title.id, assetId: title.mediaAssetId, next: null };
  }
  const title = await findTitle(item.showId, "show");
  if (!title) throw notFound(item, false);
  const episode = await findEpisode(item.showId, item.season, item.episode);
  if (!episode) throw notFound(item, true);
  const next = await findNextEpisode(item.showId, item.season, item.episode);
  return { title, itemId: episode.id, assetId: episode.mediaAssetId, next: next ?? null };
}

/** The 404 for an item: no such movie or show, or (`showFound`) no such episode of the show. */
function notFound(item: PlaybackItem, showFound: boolean): ApiError {
  if (item.kind === "movie") return new ApiError("movie_not_found", "There is no movie with this id.");
  if (!showFound) return new ApiError("show_not_found", "There is no show with this id.");
  return new ApiError("episode_not_found", `This show has no episode ${item.episode} in season ${item.season}.`);
}

function liveStreamView(stream: LiveStream) {
  return {
    stream_id: stream.id,
    profile: stream.profileName,
    type: stream.kind,
    title: stream.title,
    title_id: stream.titleId,
    device: stream.userAgent,
    started_at: stream.startedAt.toISOString(),
    last_seen_at: stream.lastSeenAt.toISOString(),
  };
}

/** The account's streams whose lease is alive. */
export async function listStreams(principal: Principal) {
  return { items: (await listLiveStreams(principal.accountId, LEASE_SECONDS)).map(liveStreamView) };
}

export async function stopStream(principal: Principal, streamId: string) {
  if (!(await endStream(principal.accountId, streamId))) throw new ApiError("stream_not_found", "This account has no stream with this id.");
  return {};
}
