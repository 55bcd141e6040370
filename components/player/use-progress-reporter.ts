"use client";
import { useEffect, type RefObject } from "react";
import { endStream, hasProgress, writeProgress } from "./playback-api";
import type { ProgressTarget } from "./types";

const PLAYING_INTERVAL_MS = 10_000;
/** While paused, a write this often keeps the stream's lease (2 minutes) alive. */
const PAUSED_INTERVAL_MS = 60_000;

// React's development double-mount runs cleanup and effect back to back: an exit is deferred a tick, and a remount
// of the same stream cancels it.
const pendingExits = new Map<string, number>();

/**
 * Posts the position every 10 s while playing, and on pause, seek, end, tab hidden and page exit, with the client's
 * clock; ends the stream's lease when the player goes away.
 */
export function useProgressReporter(video: RefObject<HTMLVideoElement | null>, profile: string, target: ProgressTarget | null, streamId: string) {
  const targetKey = JSON.stringify(target);
  useEffect(() => {
    const media = video.current;
    if (!media) return;
    window.clearTimeout(pendingExits.get(streamId));
    pendingExits.delete(streamId);
    const item = JSON.parse(targetKey) as ProgressTarget | null;
    // Whether progress exists is asked once playback starts (or at the first write), not while the first segments load.
    let created: Promise<boolean> | undefined;
    const knownCreated = () => (created ??= item ? hasProgress(profile, item).catch(() => false) : Promise.resolve(false));
    let lastSent = -1;
    let lastSentAt = 0;
    let gone = false;

    // The last position actually shown: once the player tears down (hls.js detaching resets currentTime to 0), the
    // element no longer knows where the viewer was.
    let position = 0;
    const track = () => {
      if (media.readyState >= 1 && Number.isFinite(media.currentTime)) position = media.currentTime;
    };

    async function report(keepalive = false) {
      // Live TV keeps no progress (its lease is renewed by the playlist refreshes); the exit still ends the stream.
      if (!item || !Number.isFinite(position) || (position === 0 && lastSent < 0)) return; // nothing watched yet
      lastSent = position;
      lastSentAt = Date.now();
      const exists = await knownCreated();
      const status = await writeProgress(profile, item, position, { create: !exists, keepalive }).catch(() => 0);
      if (!exists && (status === 200 || status === 409)) created = Promise.resolve(true);
      if (exists && status === 404) {
        created = Promise.resolve(false); // removed meanwhile: create it again next time
      }
    }

    const tick = window.setInterval(() => {
      const due = media.paused ? PAUSED_INTERVAL_MS : PLAYING_INTERVAL_MS;
      if (Date.now() - lastSentAt >= due - 500) void report();
    }, PLAYING_INTERVAL_MS);
    const onEvent = () => (track(), void report());
    const onHidden = () => document.visibilityState === "hidden" && void report(true);
    const onExit = () => {
      if (gone) return;
      gone = true;
      void report(true);
      void endStream(streamId, true);
    };
    // A page restored from the back/forward cache has ended its lease on the way out: start over.
    const onShow = (event: PageTransitionEvent) => event.persisted && window.location.reload();

    media.addEventListener("playing", knownCreated, { once: true });
    media.addEventListener("timeupdate", track);
    for (const name of ["pause", "seeked", "ended"]) media.addEventListener(name, onEvent);
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", onExit);
    window.addEventListener("pageshow", onShow);
    return () => {
      window.clearInterval(tick);
      media.removeEventListener("playing", knownCreated);
      media.removeEventListener("timeupdate", track);
      for (const name of ["pause", "seeked", "ended"]) media.removeEventListener(name, onEvent);
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", onExit);
      window.removeEventListener("pageshow", onShow);
      // Leaving the watch page inside the app.
      pendingExits.set(streamId, window.setTimeout(() => (pendingExits.delete(streamId), onExit()), 0));
    };
  }, [video, profile, targetKey, streamId]);
}
