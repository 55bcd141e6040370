"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A button that opens a panel of links and actions (the disclosure pattern). Closes on Escape (focus back on the
 * button), on a click or focus elsewhere, and once a link inside it is followed.
 */
export function MenuDisclosure({
  summary,
  label,
  children,
  panelClassName = "w-60",
}: {
  summary: ReactNode;
  label: string;
  children: ReactNode;
  panelClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onOutside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onOutside);
    document.addEventListener("focusin", onOutside);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onOutside);
      document.removeEventListener("focusin", onOutside);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="group flex items-center gap-2 rounded p-1"
      >
        {summary}
      </button>
      <div
        id={panelId}
        hidden={!open}
        onClick={(event) => (event.target as Element).closest("a") && setOpen(false)}
        className={`absolute right-0 z-50 mt-2 ${panelClassName} rounded-md bg-surface-overlay py-2 shadow-xl ring-1 ring-white/10`}
      >
        {children}
      </div>
    </div>
  );
}
