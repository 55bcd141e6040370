"use client";
import type { SubtitleStyle } from "./use-subtitles";

// Sizes follow the player's shorter side (cqmin), so a phone in portrait and a TV get readable lines alike.
const SIZE: Record<SubtitleStyle["size"], string> = { small: "max(13px, 3.2cqmin)", medium: "max(15px, 4.4cqmin)", large: "max(18px, 6cqmin)" };
const BACKGROUND: Record<SubtitleStyle["background"], string> = {
  none: "[text-shadow:0_0_4px_#000,0_0_2px_#000,1px_1px_2px_#000]",
  translucent: "bg-black/65",
  solid: "bg-black",
};
/** Above the bottom edge while the controls are hidden: clear of rounded corners and TV overscan. */
const SAFE_MARGIN = "max(2rem, 6%)";

type Props = { lines: string[]; style: SubtitleStyle; /** How far the control bar's top stands above the bottom while it shows, else null. */ controlsHeight: number | null };

/** The active cues, centred near the bottom, lifted above the control bar while it shows. */
export function SubtitleOverlay({ lines, style, controlsHeight }: Props) {
  if (lines.length === 0) return null;
  return (
    <div className="pointer-events-none absolute inset-0 [container-type:size]">
      <div
        data-testid="subtitles"
        className="absolute inset-x-0 flex flex-col items-center gap-1 px-[6%] text-center transition-[bottom] duration-300"
        style={{ bottom: controlsHeight !== null ? `${controlsHeight + 16}px` : SAFE_MARGIN }}
      >
        {lines.map((line, index) => (
          <p key={index} className="leading-snug font-medium whitespace-pre-line text-white" style={{ fontSize: SIZE[style.size] }}>
            <span className={`box-decoration-clone px-[0.3em] py-[0.05em] ${BACKGROUND[style.background]}`}>{line}</span>
          </p>
        ))}
      </div>
    </div>
  );
}
