"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useTransition } from "react";
import { createPortal } from "react-dom";
import { setOnWatchlistInPlace } from "@/app/(site)/title/actions";
import type { CardPreviewData } from "./card-preview-data";
import { Icon } from "./icons";
import { MaturityBadge } from "./maturity-badge";

// One listener for every card on the page: a mouse resting on a card (or a keyboard focusing it) opens a larger
// preview over it. The preview is placed `fixed` above the rows, so nothing around it moves, but lives in the card's
// own list item, so Tab goes from the card into the preview's buttons and on to the next card. Touch gets none: a tap
// opens the title as before.

const HOVER_DELAY_MS = 350;
const CLOSE_DELAY_MS = 150;

type Open = { card: HTMLElement; slot: HTMLElement; data: CardPreviewData };

const cardOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>("[data-preview]") : null);
const linkOf = (card: HTMLElement) => card.querySelector<HTMLElement>("[data-card-link]");

export function CardPreviews() {
  const [open, setOpen] = useState<Open | null>(null);
  const current = useRef<Open | null>(null);
  const timer = useRef<number | undefined>(undefined);
  // My List changes made in previews: the page is not re-rendered for them, so its cards still carry the old state.
  const listed = useRef(new Map<string, boolean>());

  const close = useCallback(() => {
    window.clearTimeout(timer.current);
    current.current?.slot.remove();
    current.current = null;
    setOpen(null);
  }, []);

  const show = useCallback((card: HTMLElement) => {
    window.clearTimeout(timer.current);
    if (current.current?.card === card) return;
    current.current?.slot.remove();
    const slot = document.createElement("div");
    card.append(slot);
    const data = JSON.parse(card.dataset.preview!) as CardPreviewData;
    current.current = { card, slot, data: { ...data, listed: listed.current.get(data.id) ?? data.listed } };
    setOpen(current.current);
  }, []);

  useEffect(() => {
    const later = (step: () => void, ms: number) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(step, ms);
    };
    // A preview a keyboard user is in stays when the mouse wanders off (but another card hovered takes over).
    const keyboardHeld = () => {
      const focused = document.activeElement;
      return focused !== null && (current.current?.card.contains(focused) ?? false) && focused.matches(":focus-visible");
    };
    // Moves, not pointerover: the browser also sends over/out when the page moves under a resting mouse (a row
    // added above after My List changes), which is not the viewer pointing elsewhere.
    let hovered: HTMLElement | null = null;
    const onPointerMove = (event: PointerEvent) => {
      if (event.pointerType !== "mouse") return;
      const card = cardOf(event.target);
      if (card === hovered) return;
      hovered = card;
      if (card && card === current.current?.card) window.clearTimeout(timer.current);
      else if (card) later(() => show(card), HOVER_DELAY_MS);
      else if (current.current && !keyboardHeld()) later(close, CLOSE_DELAY_MS);
      else window.clearTimeout(timer.current);
    };
    const onPointerOut = (event: PointerEvent) => {
      if (event.pointerType !== "mouse" || event.relatedTarget !== null) return;
      hovered = null;
      if (!keyboardHeld()) later(close, CLOSE_DELAY_MS);
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement;
      const card = cardOf(target);
      if (card && card === current.current?.card) return;
      if (card && target.matches("[data-card-link]:focus-visible")) show(card);
      else if (current.current) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !current.current) return;
      if (current.current.card.contains(document.activeElement)) linkOf(current.current.card)?.focus({ preventScroll: true });
      close();
    };
    document.addEventListener("pointermove", onPointerMove, { passive: true });
    document.addEventListener("pointerout", onPointerOut);
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointermove", onPointerMove);
      document.removeEventListener("pointerout", onPointerOut);
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("keydown", onKeyDown);
      window.clearTimeout(timer.current);
    };
  }, [show, close]);

  return open ? createPortal(<PreviewCard key={open.data.id} card={open.card} data={open.data} onGone={close} onListed={(value) => listed.current.set(open.data.id, value)} />, open.slot) : null;
}

/** Over the card's poster, half as wide again (at least 17rem), kept inside the window; closes if the card goes. */
function usePlacement(card: HTMLElement, onGone: () => void) {
  const box = useRef<HTMLDivElement>(null);
  const place = useCallback(() => {
    const el = box.current;
    const link = linkOf(card);
    if (!el || !link || !card.isConnected) return onGone();
    const r = link.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) return onGone();
    const width = Math.min(Math.max(r.width * 1.5, 272), window.innerWidth - 16);
    el.style.width = `${width}px`;
    const height = el.offsetHeight;
    el.style.left = `${Math.min(Math.max(r.left + r.width / 2 - width / 2, 8), window.innerWidth - width - 8)}px`;
    el.style.top = `${Math.min(Math.max(r.top + r.height / 2 - height / 2, 8), window.innerHeight - height - 8)}px`;
  }, [card, onGone]);
  useLayoutEffect(() => {
    place();
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    window.addEventListener("scroll", follow, { capture: true, passive: true });
    window.addEventListener("resize", follow);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", follow, { capture: true });
      window.removeEventListener("resize", follow);
    };
  }, [place]);
  return box;
}

const round = "inline-flex size-9 items-center justify-center rounded-full border-2 transition-colors";

type PreviewProps = { card: HTMLElement; data: CardPreviewData; onGone: () => void; onListed: (listed: boolean) => void };

function PreviewCard({ card, data, onGone, onListed }: PreviewProps) {
  const t = useTranslations("preview");
  const box = usePlacement(card, onGone);
  const [listed, setListed] = useState(data.listed);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  // Not `disabled` while pending: that would drop the keyboard focus out of the preview.
  const toggle = () =>
    !pending &&
    startTransition(async () => {
      const form = new FormData();
      form.set("kind", data.kind);
      form.set("id", data.id);
      form.set("add", String(!listed));
      const result = await setOnWatchlistInPlace(form);
      setError(result?.error);
      if (result?.error) return;
      setListed(!listed);
      onListed(!listed);
    });

  return (
    <div
      ref={box}
      role="group"
      aria-label={t("label", { title: data.title })}
      data-card-preview
      className="fixed z-40 overflow-hidden rounded-md bg-neutral-900 text-left shadow-2xl shadow-black ring-1 ring-white/15"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- SVG artwork, as on the cards */}
      {data.backdrop && <img src={data.backdrop} alt="" width={1920} height={1080} className="aspect-video h-auto w-full bg-surface-raised object-cover" />}
      <div className="flex flex-col gap-2 p-3">
        <p className="font-semibold leading-tight">{data.title}</p>
        <div className="flex items-center gap-2">
          {data.play && (
            <Link href={data.play} prefetch={false} aria-label={t("play", { title: data.title })} className={`${round} border-white bg-white text-black hover:bg-neutral-200`}>
              <Icon name="play" />
            </Link>
          )}
          <button
            type="button"
            onClick={toggle}
            aria-disabled={pending || undefined}
            aria-pressed={listed}
            aria-label={t(listed ? "remove" : "add", { title: data.title })}
            title={t(listed ? "removeShort" : "addShort")}
            className={`${round} border-neutral-400 text-white hover:border-white aria-disabled:cursor-wait aria-disabled:opacity-60`}
          >
            <Icon name={listed ? "check" : "plus"} />
          </button>
          <Link href={data.href} aria-label={t("moreInfo", { title: data.title })} className={`${round} ml-auto border-neutral-400 text-white hover:border-white`}>
            <Icon name="info" />
          </Link>
        </div>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-neutral-200">
          <MaturityBadge rating={data.rating} />
          {data.facts.map((fact) => (
            <span key={fact}>{fact}</span>
          ))}
        </p>
        {data.genres.length > 0 && <p className="text-sm text-neutral-300">{data.genres.join(" · ")}</p>}
        {error && (
          <p role="alert" className="text-sm text-red-400">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
