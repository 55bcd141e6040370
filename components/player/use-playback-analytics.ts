"use client";
import { useEffect, useRef, type RefObject } from "react";

// Playback quality as the viewer lived it, sent to POST /api/analytics/events in batches: time to first frame,
// stalls, rendition switches, errors and a heartbeat of time played. Batches leave every 20 s, when 50 wait, and when
// the page goes away (keepalive); a failed batch is dropped, never retried into the progress path's way.

const FLUSH_MS = 20_000;
const HEARTBEAT_MS = 30_000;
const MAX_QUEUE = 50;

type Event = { type: string; data: Record<string, unknown> };
export type Rendition = { name: string; bitrate: number } | null;

export type PlaybackAnalytics = {
  /** hls.js switched renditions. */
  rendition(next: Rendition): void;
  /** A fatal error the viewer saw. */
  /** An error: `fatal` (the default) when playback stopped, false when the player recovered from it. */
  error(code: string, message: string, fatal?: boolean): void;
};

export function usePlaybackAnalytics(video: RefObject<HTMLVideoElement | null>, streamId: string): RefObject<PlaybackAnalytics> {
  const api = useRef<PlaybackAnalytics>({ rendition: () => {}, error: () => {} });

  useEffect(() => {
    const media = video.current;
    if (!media) return;
    const queue: (Event & { occurred_at: string; stream_id: string })[] = [];
    const opened = performance.now();
    let started = false;
    let stalledAt: number | null = null;
    let playingSince: number | null = null;
    let played = 0;
    let current: Rendition = null;
    const position = () => Math.round(media.currentTime * 10) / 10;

    const flush = (keepalive = false) => {
      if (!queue.length) return;
      const events = queue.splice(0, queue.length);
      void fetch("/api/analytics/events", {
        method: "POST",
        credentials: "same-origin",
        keepalive,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ events }),
      }).catch(() => undefined);
    };
    const send = (type: string, data: Record<string, unknown>) => {
      queue.push({ type, data, occurred_at: new Date().toISOString(), stream_id: streamId });
      if (queue.length >= MAX_QUEUE) flush();
    };
    const withRendition = () => (current ? { rendition: current.name, bitrate: current.bitrate } : {});
    const takePlayed = () => {
      const now = performance.now();
      if (playingSince !== null) played += now - playingSince;
      playingSince = media.paused ? null : now;
      const ms = Math.round(played);
      played = 0;
      return ms;
    };

    const onPlaying = () => {
      const now = performance.now();
      if (!started) {
        started = true;
        send("startup", { startup_ms: Math.round(now - opened), ...withRendition() });
      } else if (stalledAt !== null) {
        send("rebuffer_end", { position_seconds: position(), duration_ms: Math.round(now - stalledAt), ...(current ? { rendition: current.name } : {}) });
      }
      stalledAt = null;
      if (playingSince === null) playingSince = now;
    };
    const onWaiting = () => {
      if (!started || media.paused || media.seeking || stalledAt !== null) return;
      stalledAt = performance.now();
      send("rebuffer_start", { position_seconds: position() });
    };
    const onPlay = () => started && send("play", { position_seconds: position() });
    const onPause = () => {
      if (media.ended) return;
      send("pause", { position_seconds: position() });
      if (playingSince !== null) played += performance.now() - playingSince;
      playingSince = null;
    };
    let seekFrom = 0;
    const onTimeUpdate = () => !media.seeking && (seekFrom = position());
    const onSeeked = () => send("seek", { from_seconds: seekFrom, to_seconds: position() });
    const onEnded = () => send("ended", { position_seconds: position() });
    const heartbeat = window.setInterval(() => {
      if (started && !media.paused) send("heartbeat", { position_seconds: position(), played_ms: takePlayed(), ...withRendition() });
    }, HEARTBEAT_MS);
    const timer = window.setInterval(() => flush(), FLUSH_MS);
    const onHide = () => document.visibilityState === "hidden" && flush(true);

    api.current = {
      rendition(next) {
        if (!next || next.name === current?.name) return;
        if (started) send("quality_change", { rendition: next.name, bitrate: next.bitrate, from_rendition: current?.name ?? null, from_bitrate: current?.bitrate ?? null, position_seconds: position() });
        current = next;
      },
      error(code, message, fatal = true) {
        send("error", { code, message: message.slice(0, 500), fatal, ...(current ? { rendition: current.name } : {}), position_seconds: position() });
        flush();
      },
    };

    const listeners: [string, () => void][] = [
      ["playing", onPlaying],
      ["waiting", onWaiting],
      ["play", onPlay],
      ["pause", onPause],
      ["timeupdate", onTimeUpdate],
      ["seeked", onSeeked],
      ["ended", onEnded],
    ];
    listeners.forEach(([name, listener]) => media.addEventListener(name, listener));
    document.addEventListener("visibilitychange", onHide);
    return () => {
      listeners.forEach(([name, listener]) => media.removeEventListener(name, listener));
      document.removeEventListener("visibilitychange", onHide);
      window.clearInterval(heartbeat);
      window.clearInterval(timer);
      if (started && playingSince !== null) send("heartbeat", { position_seconds: position(), played_ms: takePlayed(), ...withRendition() });
      flush(true);
    };
  }, [video, streamId]);

  return api;
}
