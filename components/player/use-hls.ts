"use client";
import type Hls from "hls.js";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { PlaybackAnalytics } from "./use-playback-analytics";

export type Quality = { index: number; name: string };
export type PlaybackError = { message: string; action: "retry" | "reload" | null };

const MAX_NETWORK_RETRIES = 3;

// Requested as soon as the player's code runs, before React hydrates and runs effects: hls.js is on the critical path
// to the first frame. (On the server this module renders the player's markup only.) The light build (37% smaller)
// has all we use: our ladders mux audio into each rendition, and subtitles are WebVTT <track>s, not HLS renditions.
const hlsModule = typeof window === "undefined" ? undefined : import("hls.js/light");

/**
 * Attaches `manifestUrl` to the video: hls.js where Media Source Extensions exist (loaded only here, on the watch
 * page), the browser's own HLS otherwise (Safari on iOS). Starts at `startAt`. Recovers from network and media
 * errors where hls.js can; otherwise reports a message a person can act on.
 */
export function useHls(video: RefObject<HTMLVideoElement | null>, manifestUrl: string, startAt: number, analytics: RefObject<PlaybackAnalytics>) {
  const hlsRef = useRef<Hls | null>(null);
  const [qualities, setQualities] = useState<Quality[]>([]);
  const [quality, setQualityState] = useState(-1); // -1: automatic
  const [playing, setPlaying] = useState<string | null>(null); // the rendition on screen
  const [error, setError] = useState<PlaybackError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const restartAt = useRef(startAt);

  useEffect(() => {
    const media = video.current;
    if (!media) return;
    let destroyed = false;
    let hls: Hls | null = null;
    const from = restartAt.current;
    setError(null);

    (async () => {
      const { default: HlsClass } = await (hlsModule ?? import("hls.js/light"));
      if (destroyed) return;
      if (!HlsClass.isSupported()) {
        if (!media.canPlayType("application/vnd.apple.mpegurl")) {
          setError({ message: "This browser cannot play HLS video. Try a current Chrome, Firefox, Edge or Safari.", action: null });
          return;
        }
        media.src = manifestUrl;
        media.addEventListener("loadedmetadata", () => from > 0 && (media.currentTime = from), { once: true });
        return;
      }
      hls = new HlsClass({ startPosition: from > 0 ? from : -1, capLevelToPlayerSize: true, maxBufferLength: 30 });
      hlsRef.current = hls;
      let networkRetries = 0;
      let mediaRecoveries = 0;
      hls.on(HlsClass.Events.MANIFEST_PARSED, (_, data) => {
        setQualities(data.levels.map((level, index) => ({ index, name: level.name || `${level.height}p` })).reverse());
      });
      hls.on(HlsClass.Events.LEVEL_SWITCHED, (_, data) => {
        const level = hls?.levels[data.level];
        setPlaying(level ? `${level.height}p` : null);
        analytics.current.rendition(level ? { name: `${level.height}p`, bitrate: level.bitrate } : null);
      });
      hls.on(HlsClass.Events.FRAG_LOADED, () => (networkRetries = 0));
      hls.on(HlsClass.Events.ERROR, (_, data) => {
        if (!data.fatal) return;
        const status = data.response?.code;
        if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR && status === 403) {
          analytics.current.error("link_expired", data.details);
          setError({ message: "This playback link has expired. Reload to pick up where you left off.", action: "reload" });
          hls?.destroy();
        } else if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR && networkRetries < MAX_NETWORK_RETRIES) {
          networkRetries++;
          window.setTimeout(() => hls?.startLoad(), 1000 * networkRetries);
        } else if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && mediaRecoveries < 2) {
          if (mediaRecoveries++ === 1) hls?.swapAudioCodec();
          hls?.recoverMediaError();
        } else {
          const network = data.type === HlsClass.ErrorTypes.NETWORK_ERROR;
          analytics.current.error(network ? "network" : "media", data.details);
          setError({
            message: network
              ? "We lost the connection to the video. Check your network and try again."
              : "This video could not be decoded on this device.",
            action: "retry",
          });
          hls?.destroy();
        }
      });
      hls.loadSource(manifestUrl);
      hls.attachMedia(media);
    })().catch(() => setError({ message: "The player failed to load. Reload the page to try again.", action: "reload" }));

    const onNativeError = () => {
      if (hlsRef.current || !media.error) return;
      analytics.current.error(`native_${media.error.code}`, media.error.message);
      setError({ message: `The video could not be played (${media.error.message || `error ${media.error.code}`}).`, action: "retry" });
    };
    media.addEventListener("error", onNativeError);
    return () => {
      destroyed = true;
      media.removeEventListener("error", onNativeError);
      hls?.destroy();
      hlsRef.current = null;
    };
  }, [video, manifestUrl, attempt, analytics]);

  const setQuality = useCallback((index: number) => {
    if (hlsRef.current) hlsRef.current.currentLevel = index;
    setQualityState(index);
  }, []);

  // Retrying keeps the position: restart from where the video stopped.
  const retry = useCallback(() => {
    if (video.current && video.current.currentTime > 0) restartAt.current = video.current.currentTime;
    setAttempt((n) => n + 1);
  }, [video]);

  return { qualities, quality, setQuality, playing, error, retry };
}
