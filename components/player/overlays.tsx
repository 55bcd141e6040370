"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { PlaybackError } from "./use-hls";
import type { UpNext } from "./types";

export function SkipIntro({ onSkip }: { onSkip: () => void }) {
  const t = useTranslations("player");
  return (
    <button type="button" onClick={onSkip} className="absolute right-8 bottom-28 rounded border border-white/70 bg-black/60 px-5 py-2.5 font-semibold hover:bg-white hover:text-black">
      {t("skipIntro")}
    </button>
  );
}

const COUNTDOWN_SECONDS = 10;

/** The next episode, played when the countdown runs out unless dismissed. */
export function UpNextCard({ next, onPlay, onDismiss }: { next: UpNext; onPlay: () => void; onDismiss: () => void }) {
  const t = useTranslations("player");
  const [left, setLeft] = useState(COUNTDOWN_SECONDS);
  useEffect(() => {
    if (left <= 0) {
      onPlay();
      return;
    }
    const timer = window.setTimeout(() => setLeft(left - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left, onPlay]);
  return (
    <div role="dialog" aria-label={t("upNext")} className="absolute right-8 bottom-28 w-80 overflow-hidden rounded-md bg-neutral-900/95 shadow-2xl ring-1 ring-white/10">
      {next.stillUrl && <img src={next.stillUrl} alt="" className="aspect-video w-full object-cover" />}
      <div className="p-4">
        <p className="text-xs font-semibold tracking-wide text-muted uppercase">{t("nextIn", { seconds: left })}</p>
        <p className="mt-1 font-semibold">{next.title}</p>
        <div className="mt-3 flex gap-2">
          <button type="button" onClick={onPlay} className="flex-1 rounded bg-white px-3 py-1.5 font-semibold text-black hover:bg-white/80">
            {t("playNow")}
          </button>
          <button type="button" onClick={onDismiss} className="rounded px-3 py-1.5 ring-1 ring-white/40 hover:bg-white/10">
            {t("cancel")}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Why playback stopped, with Retry (which keeps the position) or Reload; announced, and Retry takes the focus. */
export function ErrorMessage({ error, onRetry }: { error: PlaybackError; onRetry: () => void }) {
  const t = useTranslations("player");
  return (
    <div role="alert" className="absolute inset-0 flex flex-col items-center justify-center gap-4 bg-black/85 p-8 text-center">
      <p className="text-xl font-semibold">{t("stopped")}</p>
      <p className="max-w-md text-neutral-300">{t(`errors.${error.reason}`, { detail: error.detail ?? "" })}</p>
      {error.action && (
        <button
          type="button"
          autoFocus
          onClick={() => (error.action === "reload" ? window.location.reload() : onRetry())}
          className="rounded bg-white px-6 py-2.5 font-semibold text-black hover:bg-white/80"
        >
          {error.action === "reload" ? t("reload") : t("retry")}
        </button>
      )}
    </div>
  );
}

/** Shown only after playback has waited half a second: a quick seek does not flash it. */
export function Spinner() {
  const t = useTranslations("player");
  return (
    <div role="status" aria-label={t("loading")} className="pointer-events-none absolute inset-0 flex items-center justify-center">
      <div className="size-14 animate-spin rounded-full border-4 border-white/20 border-t-brand" />
    </div>
  );
}

/** The brief "−10 s" / "+10 s" bubble on the side a double tap seeks. */
export function SeekIndicator({ seconds }: { seconds: number }) {
  return (
    <div
      aria-hidden="true"
      data-testid="seek-indicator"
      className={`pointer-events-none absolute top-1/2 flex size-24 -translate-y-1/2 items-center justify-center rounded-full bg-black/55 text-lg font-semibold tabular-nums ${seconds < 0 ? "left-[12%]" : "right-[12%]"}`}
    >
      {seconds < 0 ? `−${-seconds} s` : `+${seconds} s`}
    </div>
  );
}
