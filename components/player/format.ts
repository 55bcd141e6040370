/** 75 → "1:15", 3725 → "1:02:05". */
export function formatTime(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

const LADDER_HEIGHTS = [240, 360, 480, 720, 1080, 1440, 2160];

/**
 * A rendition's name as viewers know it ("1080p"), from its picture size: a wide film at 1920×804 is the 1080p rung
 * (lib/media/ladder.ts fits each rung's 16:9 box), not "804p".
 */
export function qualityName(width: number, height: number): string {
  const nominal = Math.max(height, Math.round((width * 9) / 16));
  return `${LADDER_HEIGHTS.find((rung) => nominal <= rung * 1.05) ?? nominal}p`;
}
