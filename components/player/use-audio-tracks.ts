"use client";
import type Hls from "hls.js";
import { useCallback, useEffect, useRef, useState } from "react";
import { rememberAudioLanguage } from "./playback-api";

export type AudioOption = { index: number; language: string; label: string };

/**
 * The audio menu's state: hls.js's audio tracks (an EXT-X-MEDIA group; none when the one track is muxed into the
 * video), the one heard, and switching. A title starts in `startLanguage` (the stream start's pick for the profile);
 * a choice made here is remembered for `profile` on the server, so its next title starts in that language.
 */
export function useAudioTracks(hls: Hls | null, startLanguage: string | null, profile: string | null) {
  const [tracks, setTracks] = useState<AudioOption[]>([]);
  const [current, setCurrent] = useState(-1);
  const wanted = useRef(startLanguage); // outlives a Retry's fresh hls.js

  useEffect(() => {
    if (!hls) return;
    const { Events } = hls.constructor as typeof Hls;
    const updated = () => {
      const list = hls.audioTracks.map((track, index) => ({ index, language: track.lang || "und", label: track.name || track.lang || `Audio ${index + 1}` }));
      setTracks(list);
      const start = list.find((track) => track.language === wanted.current);
      if (start && hls.audioTrack !== start.index) hls.audioTrack = start.index;
      setCurrent(hls.audioTrack);
    };
    const switched = (_: unknown, data: { id: number }) => setCurrent(data.id);
    hls.on(Events.AUDIO_TRACKS_UPDATED, updated);
    hls.on(Events.AUDIO_TRACK_SWITCHED, switched);
    // This effect runs a render after hls.js was made: the manifest may have been read already.
    if (hls.audioTracks.length) updated();
    return () => {
      hls.off(Events.AUDIO_TRACKS_UPDATED, updated);
      hls.off(Events.AUDIO_TRACK_SWITCHED, switched);
    };
  }, [hls]);

  const select = useCallback(
    (index: number) => {
      const track = tracks[index];
      if (!hls || !track) return;
      hls.audioTrack = index;
      wanted.current = track.language;
      if (profile) void rememberAudioLanguage(profile, track.language);
    },
    [hls, tracks, profile],
  );

  return { tracks, current, select };
}
