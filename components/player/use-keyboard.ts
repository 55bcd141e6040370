"use client";
import { useEffect } from "react";

export type Shortcuts = { toggle: () => void; seekBy: (seconds: number) => void; fullscreen: () => void; mute: () => void; volumeBy: (delta: number) => void };

/** Space/k play-pause, ←/→ 10 s, ↑/↓ volume, f fullscreen, m mute; ignored while typing, inside a menu or on the error panel (Space presses its Retry). */
export function useKeyboardShortcuts(shortcuts: Shortcuts, onActivity: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, textarea, select, [role=menu], [role=alert]")) return;
      const actions: Record<string, () => void> = {
        " ": shortcuts.toggle,
        k: shortcuts.toggle,
        ArrowLeft: () => shortcuts.seekBy(-10),
        ArrowRight: () => shortcuts.seekBy(10),
        ArrowUp: () => shortcuts.volumeBy(0.1),
        ArrowDown: () => shortcuts.volumeBy(-0.1),
        f: shortcuts.fullscreen,
        m: shortcuts.mute,
      };
      const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      event.preventDefault(); // no page scroll, no click on a focused button
      action();
      onActivity();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [shortcuts, onActivity]);
}
