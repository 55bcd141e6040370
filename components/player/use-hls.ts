"use client";
import type Hls from "hls.js";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { qualityName } from "./format";
import type { PlaybackAnalytics } from "./use-playback-analytics";

export type Quality = { index: number; name: string };
/** Why playback stopped (the player says it in the page's language: messages "player.errors"), and what helps. */
export type PlaybackError = { reason: "unsupported" | "expired" | "network" | "decode" | "loadFailed" | "native"; detail?: string; action: "retry" | "reload" | null };

const MAX_NETWORK_RETRIES = 2;
/** A media error this soon after a recovery counts as the same trouble (hls.js's own recovery advice). */
const RECOVERY_WINDOW_MS = 3000;
// A segment that will not load is retried a few times, quickly, before hls.js calls the error fatal (its default
// backs off over half a minute per rendition, a black screen with no word to the viewer); then `startLoad()` above.
const FRAGMENT_POLICY = {
  default: {
    maxTimeToFirstByteMs: 10_000,
    maxLoadTimeMs: 60_000,
    timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
    errorRetry: { maxNumRetry: 2, retryDelayMs: 1000, maxRetryDelayMs: 4000 },
  },
};

// Requested as soon as the player's code runs, before React hydrates and runs effects: hls.js is on the critical path
// to the first frame. (On the server this module renders the player's markup only.) The light build (37% smaller)
// has all most videos need: one audio track muxed into each rendition, and subtitles as WebVTT <track>s, not HLS
// renditions. A video with alternate audio tracks (an EXT-X-MEDIA audio group) loads the full build instead.
const hlsModule = typeof window === "undefined" ? undefined : import("hls.js/light");

type Diagnostics = { normflixPlayer?: { latency(): number | null; playingDate(): number | null } };
const diagnostics = () => window as unknown as Diagnostics;
const loadHls = (alternateAudio: boolean) => (alternateAudio ? import("hls.js") : (hlsModule ?? import("hls.js/light")));

/** Seconds of video buffered ahead of the playhead. */
function bufferedAhead(media: HTMLMediaElement) {
  const ranges = media.buffered;
  for (let i = 0; i < ranges.length; i++) if (ranges.start(i) <= media.currentTime + 0.1 && ranges.end(i) > media.currentTime) return ranges.end(i) - media.currentTime;
  return 0;
}

/**
 * Attaches `manifestUrl` to the video: hls.js where Media Source Extensions exist (loaded only here, on the watch
 * page), the browser's own HLS otherwise (Safari on iOS). Starts at `startAt`. Recovers from network and media
 * errors where hls.js can; otherwise reports a message a person can act on.
 */
export function useHls(
  video: RefObject<HTMLVideoElement | null>,
  manifestUrl: string,
  startAt: number,
  analytics: RefObject<PlaybackAnalytics>,
  alternateAudio = false,
) {
  const hlsRef = useRef<Hls | null>(null);
  const [instance, setInstance] = useState<Hls | null>(null); // for hooks that follow it (audio tracks)
  const [qualities, setQualities] = useState<Quality[]>([]);
  const [quality, setQualityState] = useState(-1); // -1: automatic
  const [playing, setPlaying] = useState<string | null>(null); // the rendition on screen
  const [error, setError] = useState<PlaybackError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const restartAt = useRef(startAt);
  const resumeOnStart = useRef(false); // a Retry plays as soon as it can: the viewer asked for it

  useEffect(() => {
    const media = video.current;
    if (!media) return;
    let destroyed = false;
    let hls: Hls | null = null;
    const cleanups: (() => void)[] = [];
    const from = restartAt.current;
    setError(null);
    const resume = () => resumeOnStart.current && media.play().catch(() => undefined);
    media.addEventListener("canplay", resume, { once: true });
    let gaveUp = false;
    // Giving up stops loading and the video where it stands (the last frame and the time stay on screen); Retry
    // starts a fresh hls.js from there.
    const giveUp = (playbackError: PlaybackError) => {
      gaveUp = true;
      if (media.readyState > 0 && media.currentTime > 0) restartAt.current = media.currentTime;
      media.pause();
      hls?.stopLoad();
      setError(playbackError);
    };

    (async () => {
      const { default: HlsClass } = await loadHls(alternateAudio);
      if (destroyed) return;
      if (!HlsClass.isSupported()) {
        if (!media.canPlayType("application/vnd.apple.mpegurl")) {
          setError({ reason: "unsupported", action: null });
          return;
        }
        media.src = manifestUrl;
        media.addEventListener("loadedmetadata", () => from > 0 && (media.currentTime = from), { once: true });
        return;
      }
      hls = new HlsClass({
        startPosition: from > 0 ? from : -1,
        capLevelToPlayerSize: true,
        maxBufferLength: 30,
        fragLoadPolicy: FRAGMENT_POLICY,
        // Live: play two segments behind the edge, not hls.js's three, which kept an ingest's 2 s segments 8.2 s behind
        // live (bench:live). VOD is unaffected.
        liveSyncDurationCount: 2,
      });
      hlsRef.current = hls;
      setInstance(hls);
      // Diagnostics for live TV (for a benchmark or a support session): how far behind the live edge, and the date-time on screen.
      const live = hls;
      diagnostics().normflixPlayer = { latency: () => (live.latency > 0 ? live.latency : null), playingDate: () => live.playingDate?.getTime() ?? null };
      let networkRetries = 0;
      // A media error is recovered from (hls.js re-attaches the video), at any time in a long film; a second one within
      // a few seconds of a recovery swaps the audio codec and tries once more; a third, and the viewer is told.
      let lastRecovery = { at: -Infinity, swapped: false };
      let playAfterRecovery = false;
      const resumeAfterRecovery = () => {
        if (destroyed || gaveUp || !playAfterRecovery) return;
        playAfterRecovery = false;
        media.play().catch(() => undefined);
      };
      media.addEventListener("canplay", resumeAfterRecovery);
      cleanups.push(() => media.removeEventListener("canplay", resumeAfterRecovery));
      hls.on(HlsClass.Events.MANIFEST_PARSED, (_, data) => {
        setQualities(data.levels.map((level, index) => ({ index, name: level.name || qualityName(level.width, level.height) })).reverse());
      });
      hls.on(HlsClass.Events.LEVEL_SWITCHED, (_, data) => {
        const level = hls?.levels[data.level];
        setPlaying(level ? qualityName(level.width, level.height) : null);
        analytics.current.rendition(level ? { name: qualityName(level.width, level.height), bitrate: level.bitrate } : null);
      });
      hls.on(HlsClass.Events.FRAG_LOADED, () => (networkRetries = 0));
      hls.on(HlsClass.Events.ERROR, (_, data) => {
        if (!data.fatal) return;
        const status = data.response?.code;
        if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR && status === 403) {
          analytics.current.error("link_expired", data.details);
          giveUp({ reason: "expired", action: "reload" });
        } else if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR && (bufferedAhead(media) > 1 || networkRetries < MAX_NETWORK_RETRIES)) {
          // While buffered video still plays, loading is tried again without counting: the viewer has not noticed.
          // Once playback waits (a spinner), a few more tries, then the error.
          const delay = bufferedAhead(media) > 1 ? 2000 : 1000 * ++networkRetries;
          window.setTimeout(() => !destroyed && !gaveUp && hls?.startLoad(), delay);
        } else if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && (performance.now() - lastRecovery.at > RECOVERY_WINDOW_MS || !lastRecovery.swapped)) {
          const again = performance.now() - lastRecovery.at <= RECOVERY_WINDOW_MS;
          lastRecovery = { at: performance.now(), swapped: again };
          analytics.current.error("media_recovered", data.details, false);
          // Re-attaching leaves the video paused: it plays on once it can, if it was playing.
          playAfterRecovery ||= !media.paused;
          if (again) hls?.swapAudioCodec();
          hls?.recoverMediaError();
        } else {
          const network = data.type === HlsClass.ErrorTypes.NETWORK_ERROR;
          analytics.current.error(network ? "network" : "media", data.details);
          giveUp({ reason: network ? "network" : "decode", action: "retry" });
        }
      });
      hls.loadSource(manifestUrl);
      hls.attachMedia(media);
    })().catch(() => setError({ reason: "loadFailed", action: "reload" }));

    const onNativeError = () => {
      if (hlsRef.current || !media.error) return;
      analytics.current.error(`native_${media.error.code}`, media.error.message);
      setError({ reason: "native", detail: media.error.message || `error ${media.error.code}`, action: "retry" });
    };
    media.addEventListener("error", onNativeError);
    return () => {
      destroyed = true;
      media.removeEventListener("error", onNativeError);
      media.removeEventListener("canplay", resume);
      for (const cleanup of cleanups) cleanup();
      delete diagnostics().normflixPlayer;
      hls?.destroy(); // hlsRef keeps it: the element's own "error" on detaching is not the native player's
    };
  }, [video, manifestUrl, attempt, analytics, alternateAudio]);

  const setQuality = useCallback((index: number) => {
    if (hlsRef.current) hlsRef.current.currentLevel = index;
    setQualityState(index);
  }, []);

  // Retrying keeps the position: a fresh hls.js starts from where the video stopped, without reloading the page.
  const retry = useCallback(() => {
    const media = video.current;
    if (media && media.readyState > 0 && media.currentTime > 0) restartAt.current = media.currentTime;
    resumeOnStart.current = true;
    setAttempt((n) => n + 1);
  }, [video]);

  // Live streams: where the live edge plays from, and the wall-clock time (#EXT-X-PROGRAM-DATE-TIME) on screen.
  const liveSyncPosition = useCallback(() => hlsRef.current?.liveSyncPosition ?? null, []);
  const playingDate = useCallback(() => hlsRef.current?.playingDate ?? null, []);

  return { instance, qualities, quality, setQuality, playing, error, retry, liveSyncPosition, playingDate };
}
