"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

const IDLE_MS = 3000;

/** True once the pointer and keyboard have been still for 3 s while playing (controls fade out); `hide` at once. */
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
  const hide = useCallback(() => {
    window.clearTimeout(timer.current);
    setIdle(true);
  }, []);
  return { idle: playing && idle, wake, hide };
}

/** `on`, once it has stayed true for `delayMs` (a spinner that does not flash on every short wait). */
export function useDelayed(on: boolean, delayMs: number) {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!on) return setLate(false);
    const timer = window.setTimeout(() => setLate(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [on, delayMs]);
  return on && late;
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

/**
 * A callback ref and how far the element's top stands above its positioned parent's bottom edge (the control bar's,
 * which changes with the layout): what subtitles must clear.
 */
export function useLift() {
  const [lift, setLift] = useState<number | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    const measure = () => element.offsetParent && setLift(element.offsetParent.clientHeight - element.offsetTop);
    observer.current = new ResizeObserver(measure);
    observer.current.observe(element);
  }, []);
  return { ref, lift };
}

/** Picture-in-picture for the video, offered only where the browser has it and allows it. */
export function usePictureInPicture(video: RefObject<HTMLVideoElement | null>) {
  const [supported, setSupported] = useState(false);
  const [active, setActive] = useState(false);
  useEffect(() => {
    const media = video.current;
    if (!media) return;
    setSupported(document.pictureInPictureEnabled && !media.disablePictureInPicture);
    const enter = () => setActive(true);
    const leave = () => setActive(false);
    media.addEventListener("enterpictureinpicture", enter);
    media.addEventListener("leavepictureinpicture", leave);
    return () => {
      media.removeEventListener("enterpictureinpicture", enter);
      media.removeEventListener("leavepictureinpicture", leave);
    };
  }, [video]);
  const toggle = useCallback(() => {
    if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => undefined);
    else void video.current?.requestPictureInPicture().catch(() => undefined);
  }, [video]);
  return { supported, active, toggle };
}
