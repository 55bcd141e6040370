"use client";
import { useEffect, useState, type RefObject } from "react";

export type VideoState = {
  current: number;
  duration: number;
  buffered: number;
  paused: boolean;
  /** Waiting for data the viewer wants now: a seek, a stall while playing, or the first frames before playback starts. */
  waiting: boolean;
  muted: boolean;
  volume: number;
  ended: boolean;
  /** The range the viewer may seek in (a live stream's window; 0 to the duration on demand). */
  seekStart: number;
  seekEnd: number;
};

const initial: VideoState = { current: 0, duration: 0, buffered: 0, paused: true, waiting: true, muted: false, volume: 1, ended: false, seekStart: 0, seekEnd: 0 };
const EVENTS = ["timeupdate", "durationchange", "progress", "play", "pause", "playing", "waiting", "canplay", "seeking", "seeked", "volumechange", "ended", "emptied"];

/** The video element's state, for rendering controls. */
export function useVideoState(video: RefObject<HTMLVideoElement | null>, fallbackDuration: number): VideoState {
  const [state, setState] = useState(initial);
  useEffect(() => {
    const media = video.current;
    if (!media) return;
    // Until the first frames play (and again after the source is torn down) the player means to start: no frames yet
    // is waiting too, though the element is still paused.
    let started = false;
    const update = (event?: Event) => {
      if (event?.type === "playing") started = true;
      if (event?.type === "emptied") started = false;
      const ranges = media.buffered;
      let buffered = 0;
      for (let i = 0; i < ranges.length; i++) if (ranges.start(i) <= media.currentTime + 0.5) buffered = Math.max(buffered, ranges.end(i));
      const seekable = media.seekable;
      setState({
        seekStart: seekable.length ? seekable.start(0) : 0,
        seekEnd: seekable.length ? seekable.end(seekable.length - 1) : 0,
        current: media.currentTime,
        duration: Number.isFinite(media.duration) && media.duration > 0 ? media.duration : fallbackDuration,
        buffered,
        paused: media.paused,
        waiting: media.seeking || (media.readyState < 3 && !media.ended && (!media.paused || !started)),
        muted: media.muted,
        volume: media.volume,
        ended: media.ended,
      });
    };
    for (const name of EVENTS) media.addEventListener(name, update);
    update();
    return () => EVENTS.forEach((name) => media.removeEventListener(name, update));
  }, [video, fallbackDuration]);
  return state;
}
