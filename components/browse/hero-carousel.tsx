"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Icon } from "@/components/catalog/icons";

// How long a slide shows before the next one while the carousel turns by itself.
const SLIDE_MS = 8_000;

/**
 * The hero's featured titles, one slide at a time (the WAI-ARIA carousel pattern): it turns by itself every few
 * seconds, pausing while pointed at or focused, never under prefers-reduced-motion, and stopped for good by its pause
 * button. Previous / next and one button per slide; Left and Right arrows on the controls. Only the shown slide is in
 * the page, so its title is the page's one heading of level 1.
 */
export function HeroCarousel({ slides, labels, ids }: { slides: React.ReactNode[]; labels: string[]; ids: string[] }) {
  const count = slides.length;
  const t = useTranslations("hero");
  const [index, setIndex] = useState(0);
  // The first slide is there from the server's render, not faded in: it is the page's largest paint, and a fade would
  // hold that paint until the page's scripts have run (Lighthouse's LCP on a phone: 3.6 s). Later slides fade in.
  const [turned, setTurned] = useState(false);
  const [stopped, setStopped] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  // Until the preference is known (the server's render), do not turn.
  const [reducedMotion, setReducedMotion] = useState(true);

  useEffect(() => {
    const query = window.matchMedia("(prefers-reduced-motion: reduce)");
    const update = () => setReducedMotion(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);

  const turning = count > 1 && !stopped && !reducedMotion && !hovered && !focused;
  useEffect(() => {
    if (!turning) return;
    const timer = window.setTimeout(() => {
      setTurned(true);
      setIndex((i) => (i + 1) % count);
    }, SLIDE_MS);
    return () => window.clearTimeout(timer);
  }, [turning, index, count]);

  const show = (i: number) => {
    setTurned(true);
    setIndex(((i % count) + count) % count);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowRight") show(index + 1);
    else if (event.key === "ArrowLeft") show(index - 1);
    else return;
    event.preventDefault();
  };

  const control = "inline-flex size-10 items-center justify-center rounded-full bg-black/50 text-white ring-1 ring-white/20 hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-white";
  return (
    <section
      aria-roledescription="carousel"
      aria-label={t("label")}
      data-hero
      className="relative isolate mb-6 overflow-hidden"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && setFocused(false)}
    >
      <div aria-live={turning ? "off" : "polite"}>
        <div
          key={ids[index]}
          role="group"
          aria-roledescription="slide"
          aria-label={count > 1 ? t("slide", { index: index + 1, count, title: labels[index] }) : labels[index]}
          data-hero-slide={ids[index]}
          className={turned ? "motion-safe:animate-[hero-fade_600ms_ease-out]" : undefined}
        >
          {slides[index]}
        </div>
      </div>
      {count > 1 && (
        <div
          role="group"
          aria-label={t("choose")}
          onKeyDown={onKeyDown}
          className="flex items-center justify-center gap-2 px-4 pb-4 sm:absolute sm:bottom-6 sm:right-8 sm:px-0 sm:pb-0"
        >
          <button type="button" className={control} onClick={() => setStopped((s) => !s)} aria-label={stopped ? t("start") : t("stop")}>
            <Icon name={stopped ? "play" : "pause"} className="size-5" />
          </button>
          <button type="button" className={control} onClick={() => show(index - 1)} aria-label={t("previous")}>
            <Icon name="chevronLeft" className="size-6" />
          </button>
          <div className="flex items-center">
            {ids.map((id, i) => (
              <button
                key={id}
                type="button"
                onClick={() => show(i)}
                aria-label={t("dot", { index: i + 1, count, title: labels[i] })}
                aria-current={i === index ? "true" : undefined}
                data-hero-dot={id}
                className="group inline-flex size-7 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-white"
              >
                <span className="block size-2.5 rounded-full bg-white/40 ring-1 ring-black/40 group-hover:bg-white/70 group-aria-[current=true]:bg-white" />
              </button>
            ))}
          </div>
          <button type="button" className={control} onClick={() => show(index + 1)} aria-label={t("next")}>
            <Icon name="chevronRight" className="size-6" />
          </button>
        </div>
      )}
    </section>
  );
}
