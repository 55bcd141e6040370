"use client";
import { useCallback, useEffect, useState, type RefObject } from "react";
import type { PlayerStream } from "./types";

export const SUBTITLE_SIZES = { small: "Small", medium: "Medium", large: "Large" } as const;
export const SUBTITLE_BACKGROUNDS = { none: "None", translucent: "Semi-transparent", solid: "Solid" } as const;
export type SubtitleStyle = { size: keyof typeof SUBTITLE_SIZES; background: keyof typeof SUBTITLE_BACKGROUNDS };

const TRACK_KEY = "normflix.subtitles";
const STYLE_KEY = "normflix.subtitle-style";
const DEFAULT_STYLE: SubtitleStyle = { size: "medium", background: "translucent" };

function savedStyle(): SubtitleStyle {
  try {
    const saved = JSON.parse(window.localStorage.getItem(STYLE_KEY) ?? "{}") as Partial<SubtitleStyle>;
    return {
      size: saved.size && saved.size in SUBTITLE_SIZES ? saved.size : DEFAULT_STYLE.size,
      background: saved.background && saved.background in SUBTITLE_BACKGROUNDS ? saved.background : DEFAULT_STYLE.background,
    };
  } catch {
    return DEFAULT_STYLE;
  }
}

// WebVTT cue text may carry voice, italic or class tags; the player shows the words.
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "", "&rlm;": "" };
const cueText = (cue: TextTrackCue) => ((cue as VTTCue).text ?? "").replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (e) => ENTITIES[e]);

/**
 * The subtitle menu: off or one track (remembered across titles by language; else the profile's language's when the
 * audio is in another), and the cues' size and background
 * (remembered in this browser). The tracks stay "hidden": the player draws the active cues itself, so it can lift
 * them above the control bar, which the browser's own cue box cannot follow. In picture-in-picture, away from the
 * page, the browser shows them (where it can).
 */
export function useSubtitles(
  video: RefObject<HTMLVideoElement | null>,
  tracks: PlayerStream["subtitles"],
  pictureInPicture: boolean,
  /** Without a choice stored in this browser: the stream start's pick for the profile's language (or off). */
  startLanguage: string | null = null,
) {
  const [selected, setSelected] = useState("off");
  const [lines, setLines] = useState<string[]>([]);
  const [style, setStyleState] = useState(DEFAULT_STYLE);

  const apply = useCallback(
    (language: string) => {
      const textTracks = video.current?.textTracks;
      if (!textTracks) return;
      for (let i = 0; i < textTracks.length; i++) textTracks[i].mode = textTracks[i].language === language ? "hidden" : "disabled";
      setSelected(language);
    },
    [video],
  );
  useEffect(() => {
    const saved = window.localStorage.getItem(TRACK_KEY) ?? startLanguage;
    apply(saved && tracks.some((t) => t.language === saved) ? saved : "off");
    setStyleState(savedStyle());
  }, [apply, tracks, startLanguage]);

  useEffect(() => {
    const textTracks = video.current?.textTracks;
    const track = textTracks && Array.from(textTracks).find((t) => t.language === selected);
    if (!track) return setLines([]);
    track.mode = pictureInPicture ? "showing" : "hidden";
    const update = () => setLines(Array.from(track.activeCues ?? [], cueText).filter((line) => line.trim() !== ""));
    track.addEventListener("cuechange", update);
    update();
    return () => track.removeEventListener("cuechange", update);
  }, [video, selected, pictureInPicture]);

  const select = useCallback(
    (language: string) => {
      window.localStorage.setItem(TRACK_KEY, language);
      apply(language);
    },
    [apply],
  );
  const setStyle = useCallback((change: Partial<SubtitleStyle>) => {
    setStyleState((current) => {
      const next = { ...current, ...change };
      window.localStorage.setItem(STYLE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);

  const options = [{ value: "off", label: "Off" }, ...tracks.map((t) => ({ value: t.language, label: t.label }))];
  return { options, selected, select, lines, style, setStyle };
}
