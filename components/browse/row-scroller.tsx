"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Icon } from "@/components/catalog/icons";

const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * A horizontal row of cards: swipe (scroll-snap) on touch, scroll buttons with a pointer, and Left/Right arrow keys
 * moving focus from card to card (the browser scrolls the focused card into view).
 */
export function RowScroller({ label, children }: { label: string; children: React.ReactNode }) {
  const t = useTranslations("browse");
  const list = useRef<HTMLUListElement>(null);
  const [edges, setEdges] = useState({ start: true, end: true });

  const measure = useCallback(() => {
    const el = list.current;
    if (el) setEdges({ start: el.scrollLeft <= 4, end: el.scrollLeft + el.clientWidth >= el.scrollWidth - 4 });
  }, []);

  useEffect(() => {
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [measure]);

  const page = (direction: 1 | -1) => {
    const el = list.current;
    el?.scrollBy({ left: direction * el.clientWidth * 0.85, behavior: reducedMotion() ? "auto" : "smooth" });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const item = (event.target as HTMLElement).closest("li");
    const sibling = event.key === "ArrowRight" ? item?.nextElementSibling : item?.previousElementSibling;
    const target = sibling?.querySelector<HTMLElement>("a, button");
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  const button = "absolute inset-y-0 z-10 hidden w-10 items-center justify-center bg-black/60 text-3xl text-white hover:bg-black/80 sm:flex";
  return (
    <div className="relative">
      {!edges.start && (
        <button type="button" onClick={() => page(-1)} aria-label={t("scrollBack", { label })} className={`${button} left-0 rounded-r-md`}>
          <Icon name="chevronLeft" className="size-8" />
        </button>
      )}
      <ul
        ref={list}
        onScroll={measure}
        onKeyDown={onKeyDown}
        aria-label={label}
        className="flex snap-x snap-mandatory scroll-px-4 gap-2 overflow-x-auto overscroll-x-contain px-4 py-4 [scrollbar-width:none] sm:scroll-px-8 sm:px-8 lg:gap-3 [&::-webkit-scrollbar]:hidden"
      >
        {children}
      </ul>
      {!edges.end && (
        <button type="button" onClick={() => page(1)} aria-label={t("scrollForward", { label })} className={`${button} right-0 rounded-l-md`}>
          <Icon name="chevronRight" className="size-8" />
        </button>
      )}
    </div>
  );
}
