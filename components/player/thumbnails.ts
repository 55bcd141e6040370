"use client";
import { useEffect, useState, type RefObject } from "react";

export type Thumbnail = { start: number; end: number; url: string; x: number; y: number; width: number; height: number };

const seconds = (stamp: string) => {
  const parts = stamp.split(":").map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
};

/** Parses a thumbnails WebVTT map (cues of `url#xywh=x,y,w,h`); URLs are resolved against `base`. */
export function parseThumbnailsVtt(text: string, base: string): Thumbnail[] {
  const cues: Thumbnail[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const timing = /^((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})/.exec(lines[i]);
    const target = timing && /^(.+?)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(lines[i + 1]?.trim() ?? "");
    if (!timing || !target) continue;
    const [, url, x, y, width, height] = target;
    cues.push({ start: seconds(timing[1]), end: seconds(timing[2]), url: new URL(url, base).href, x: +x, y: +y, width: +width, height: +height });
  }
  return cues;
}

/** The thumbnail for a time (cues are in order), or undefined. */
export function thumbnailAt(cues: Thumbnail[], time: number): Thumbnail | undefined {
  let low = 0;
  let high = cues.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (time < cues[mid].start) high = mid - 1;
    else if (time >= cues[mid].end && mid < cues.length - 1) low = mid + 1;
    else return cues[mid];
  }
  return undefined;
}

export function useThumbnails(url: string | null, video: RefObject<HTMLVideoElement | null>): Thumbnail[] {
  const [cues, setCues] = useState<Thumbnail[]>([]);
  useEffect(() => {
    const media = video.current;
    if (!url || !media) return;
    const controller = new AbortController();
    const load = () =>
      fetch(url, { signal: controller.signal })
        .then((response) => (response.ok ? response.text() : ""))
        .then((text) => setCues(parseThumbnailsVtt(text, new URL(url, window.location.href).href)))
        .catch(() => undefined); // previews are optional
    // Once playback has started: previews must not compete with the first segments.
    if (!media.paused && media.readyState >= 3) load();
    else media.addEventListener("playing", load, { once: true, signal: controller.signal });
    return () => controller.abort();
  }, [url, video]);
  return cues;
}
