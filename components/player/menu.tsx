"use client";
import { controlButton } from "./styles";
import { useEffect, useRef, useState } from "react";

export type MenuOption = { value: string; label: string };

type Props = { label: string; icon: React.ReactNode; options: MenuOption[]; value: string; onChange: (value: string) => void };

/** A control-bar button that opens a list of choices (quality, subtitles); Escape or a click outside closes it. */
export function Menu({ label, icon, options, value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button type="button" aria-label={label} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} className={controlButton}>
        {icon}
      </button>
      {open && (
        <div role="menu" aria-label={label} className="absolute right-0 bottom-12 min-w-44 rounded-md bg-neutral-900/95 py-2 shadow-xl ring-1 ring-white/10">
          <p className="px-4 pb-1 text-xs font-semibold tracking-wide text-muted uppercase">{label}</p>
          {options.map((option) => (
            <button
              key={option.value}
              type="button"
              role="menuitemradio"
              aria-checked={option.value === value}
              onClick={() => (onChange(option.value), setOpen(false))}
              className="flex w-full items-center gap-3 px-4 py-1.5 text-left hover:bg-white/10"
            >
              <span className="w-4 text-brand">{option.value === value ? "✓" : ""}</span>
              {option.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
