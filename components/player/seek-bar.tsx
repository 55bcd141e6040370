"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, type PointerEvent } from "react";
import { thumbnailAt, type Thumbnail } from "./thumbnails";
import { formatTime } from "./format";

type Props = { current: number; duration: number; buffered: number; thumbnails: Thumbnail[]; onSeek: (time: number) => void };

/** The timeline: click or drag to seek, with the thumbnail and time under the pointer while hovering or scrubbing. */
export function SeekBar({ current, duration, buffered, thumbnails, onSeek }: Props) {
  const t = useTranslations("player");
  const bar = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const timeAt = (event: PointerEvent) => {
    const rect = bar.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * duration;
  };
  const shown = dragging && hover !== null ? hover : current;
  const preview = hover !== null ? thumbnailAt(thumbnails, hover) : undefined;
  const percent = (time: number) => `${duration > 0 ? (time / duration) * 100 : 0}%`;

  return (
    <div
      ref={bar}
      role="slider"
      tabIndex={-1}
      aria-label={t("seek")}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(current)}
      aria-valuetext={t("position", { current: formatTime(current), duration: formatTime(duration) })}
      className="group relative flex h-5 cursor-pointer touch-none items-center"
      onPointerMove={(e) => setHover(timeAt(e))}
      onPointerLeave={() => !dragging && setHover(null)}
      onPointerDown={(e) => (bar.current!.setPointerCapture(e.pointerId), setDragging(true), setHover(timeAt(e)))}
      onPointerUp={(e) => (setDragging(false), onSeek(timeAt(e)), setHover(null))}
    >
      <div className="relative h-1 w-full rounded bg-white/25 transition-[height] group-hover:h-1.5">
        <div className="absolute inset-y-0 left-0 rounded bg-white/40" style={{ width: percent(buffered) }} />
        <div className="absolute inset-y-0 left-0 rounded bg-brand" style={{ width: percent(shown) }} />
        <div className="absolute top-1/2 size-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full bg-brand" style={{ left: percent(shown) }} />
      </div>
      {hover !== null && (
        <div className="pointer-events-none absolute bottom-6 -translate-x-1/2 text-center" style={{ left: `clamp(84px, ${percent(hover)}, calc(100% - 84px))` }}>
          {preview && (
            <div
              className="mb-1 rounded border-2 border-white/80 bg-black"
              style={{ width: preview.width, height: preview.height, backgroundImage: `url("${preview.url}")`, backgroundPosition: `-${preview.x}px -${preview.y}px` }}
            />
          )}
          <span className="rounded bg-black/80 px-1.5 py-0.5 text-sm tabular-nums">{formatTime(hover)}</span>
        </div>
      )}
    </div>
  );
}
