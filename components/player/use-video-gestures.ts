"use client";
import { useEffect, useRef, useState, type MouseEvent, type PointerEvent } from "react";

const DOUBLE_TAP_MS = 300;
const SEEK_SECONDS = 10;
const INDICATOR_MS = 700;

/** `seekBy` null: this viewer may not seek (a watch party's member), and a double tap is two taps. */
type Handlers = { toggleControls: () => void; togglePlay: () => void; seekBy: ((seconds: number) => void) | null; fullscreen: () => void };

/**
 * Clicks and taps on the video. A mouse click plays or pauses and a double click goes full screen, as on desktop
 * players; a tap only shows or hides the controls, and a quick second tap on the left or right third seeks 10 s back
 * or on (each further quick tap 10 s more), with a brief "−10 s" / "+10 s" on that side.
 */
export function useVideoGestures({ toggleControls, togglePlay, seekBy, fullscreen }: Handlers) {
  const [touch, setTouch] = useState(false); // the last pointer was a finger: the player shows its touch layout
  const [indicator, setIndicator] = useState<number | null>(null);
  const lastTap = useRef<{ at: number; side: number } | null>(null);
  const fromTouch = useRef(false);

  useEffect(() => setTouch(window.matchMedia("(pointer: coarse)").matches), []);
  useEffect(() => {
    if (indicator === null) return;
    const timer = window.setTimeout(() => setIndicator(null), INDICATOR_MS);
    return () => window.clearTimeout(timer);
  }, [indicator]);

  const onPointerDown = (event: PointerEvent) => {
    fromTouch.current = event.pointerType !== "mouse";
    setTouch(fromTouch.current);
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    if (event.pointerType === "mouse") return;
    const rect = event.currentTarget.getBoundingClientRect();
    const third = Math.floor(((event.clientX - rect.left) / rect.width) * 3);
    const side = third <= 0 ? -1 : third >= 2 ? 1 : 0;
    const now = event.timeStamp;
    const previous = lastTap.current;
    if (seekBy && previous && side !== 0 && previous.side === side && now - previous.at < DOUBLE_TAP_MS) {
      seekBy(side * SEEK_SECONDS);
      setIndicator((shown) => (shown !== null && Math.sign(shown) === side ? shown : 0) + side * SEEK_SECONDS);
      lastTap.current = { at: now, side }; // a third quick tap goes on seeking
      return;
    }
    lastTap.current = { at: now, side };
    toggleControls();
  };
  // The click and double click that follow taps are not the mouse's.
  const onClick = () => !fromTouch.current && togglePlay();
  const onDoubleClick = (event: MouseEvent) => (fromTouch.current ? event.preventDefault() : fullscreen());

  return { touch, indicator, handlers: { onPointerDown, onPointerUp, onClick, onDoubleClick } };
}
