"use client";
import { controlButton } from "./styles";
import { useEffect, useRef, useState } from "react";

export type MenuOption = { value: string; label: string };
/** One group of choices; `keepOpen` leaves the menu open after a choice, so its effect can be compared at once. */
export type MenuSection = { label: string; options: MenuOption[]; value: string; onChange: (value: string) => void; keepOpen?: boolean };

type Props = { label: string; icon: React.ReactNode; sections: MenuSection[] };

/** A control-bar button that opens lists of choices (quality; subtitles and their look); Escape or a click outside closes it. */
export function Menu({ label, icon, sections }: Props) {
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
        <div role="menu" aria-label={label} className="absolute right-0 bottom-12 max-h-[min(70vh,32rem)] min-w-48 overflow-y-auto rounded-md bg-neutral-900/95 py-2 shadow-xl ring-1 ring-white/10">
          {sections.map((section) => (
            <div key={section.label} role="group" aria-label={section.label} className="not-first:mt-2 not-first:border-t not-first:border-white/10 not-first:pt-2">
              <p aria-hidden="true" className="px-4 pb-1 text-xs font-semibold tracking-wide text-neutral-300 uppercase">{section.label}</p>
              {section.options.map((option) => (
                <button
                  key={option.value}
                  type="button"
                  role="menuitemradio"
                  aria-checked={option.value === section.value}
                  onClick={() => (section.onChange(option.value), section.keepOpen || setOpen(false))}
                  className="flex w-full items-center gap-3 px-4 py-1.5 text-left whitespace-nowrap hover:bg-white/10"
                >
                  <span className="w-4 text-brand">{option.value === section.value ? "✓" : ""}</span>
                  {option.label}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
