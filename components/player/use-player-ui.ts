"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { PlayerStream } from "./types";

const IDLE_MS = 3000;

/** True once the pointer and keyboard have been still for 3 s while playing (controls fade out). */
export function useIdle(playing: boolean) {
  const [idle, setIdle] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const wake = useCallback(() => {
    setIdle(false);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setIdle(true), IDLE_MS);
  }, []);
  useEffect(() => {
    if (playing) wake();
    return () => window.clearTimeout(timer.current);
  }, [playing, wake]);
  return { idle: playing && idle, wake };
}

export function useFullscreen(element: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", update);
    return () => document.removeEventListener("fullscreenchange", update);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void element.current?.requestFullscreen?.().catch(() => undefined);
  }, [element]);
  return { active, toggle };
}

const SUBTITLE_KEY = "normflix.subtitles";

/** The subtitle menu: off or one track, remembered across titles by language. */
export function useSubtitles(video: RefObject<HTMLVideoElement | null>, tracks: PlayerStream["subtitles"]) {
  const [selected, setSelected] = useState("off");
  const apply = useCallback(
    (language: string) => {
      const textTracks = video.current?.textTracks;
      if (!textTracks) return;
      for (let i = 0; i < textTracks.length; i++) textTracks[i].mode = textTracks[i].language === language ? "showing" : "disabled";
      setSelected(language);
    },
    [video],
  );
  useEffect(() => {
    const saved = window.localStorage.getItem(SUBTITLE_KEY);
    apply(saved && tracks.some((t) => t.language === saved) ? saved : "off");
  }, [apply, tracks]);
  const select = useCallback(
    (language: string) => {
      window.localStorage.setItem(SUBTITLE_KEY, language);
      apply(language);
    },
    [apply],
  );
  const options = [{ value: "off", label: "Off" }, ...tracks.map((t) => ({ value: t.language, label: t.label }))];
  return { options, selected, select };
}
