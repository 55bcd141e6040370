// The HLS ladder: which renditions a source gets, their sizes, bitrates and H.264 level (for the CODECS string).
import type { SourceInfo } from "./probe";

type Rung = { name: string; boxWidth: number; boxHeight: number; videoKbps: number; audioKbps: number };

// Bitrates for ≤ 30 fps content at the rung's full 16:9 size (close to Apple's HLS authoring ladder for H.264).
const RUNGS: Rung[] = [
  { name: "360p", boxWidth: 640, boxHeight: 360, videoKbps: 800, audioKbps: 96 },
  { name: "480p", boxWidth: 854, boxHeight: 480, videoKbps: 1400, audioKbps: 128 },
  { name: "720p", boxWidth: 1280, boxHeight: 720, videoKbps: 2800, audioKbps: 128 },
  { name: "1080p", boxWidth: 1920, boxHeight: 1080, videoKbps: 5000, audioKbps: 128 },
  { name: "1440p", boxWidth: 2560, boxHeight: 1440, videoKbps: 9000, audioKbps: 128 },
  { name: "2160p", boxWidth: 3840, boxHeight: 2160, videoKbps: 16000, audioKbps: 128 },
];

export const MAX_OUTPUT_FPS = 60;

export type RenditionPlan = {
  name: string;
  width: number;
  height: number;
  fps: number;
  videoKbps: number;
  maxrateKbps: number;
  bufsizeKbps: number;
  audioKbps: number | undefined;
  /** H.264 level times ten, e.g. 31 for 3.1. */
  level: number;
  codecs: string;
};

const even = (value: number) => Math.max(2, 2 * Math.round(value / 2));

/**
 * The renditions for a source: each rung whose 16:9 box the source fills in width or height (so a 1920×800 scope
 * film still gets 1080p), scaled to fit the box with the source's aspect ratio, never upscaled. The lowest rung is
 * always there; a source smaller than it is encoded at its own size.
 */
export function planLadder(source: Pick<SourceInfo, "width" | "height" | "fps" | "hasAudio">): RenditionPlan[] {
  const fps = Math.min(source.fps, MAX_OUTPUT_FPS);
  const highFrameRate = fps > 31;
  const plans: RenditionPlan[] = [];
  for (const [index, rung] of RUNGS.entries()) {
    const scale = Math.min(rung.boxWidth / source.width, rung.boxHeight / source.height);
    if (scale > 1 && index > 0) break; // the source is smaller than this rung: no upscaling
    const factor = Math.min(scale, 1);
    const width = even(source.width * factor);
    const height = even(source.height * factor);
    // Fewer pixels than the full box (letterboxed or smaller sources) need proportionally fewer bits, within reason.
    const pixelShare = Math.max(0.5, Math.min(1, (width * height) / (rung.boxWidth * rung.boxHeight)));
    const videoKbps = Math.round(rung.videoKbps * pixelShare * (highFrameRate ? 1.5 : 1));
    const maxrateKbps = Math.round(videoKbps * 1.1);
    const level = h264Level(width, height, fps, maxrateKbps);
    plans.push({
      name: rung.name,
      width,
      height,
      fps,
      videoKbps,
      maxrateKbps,
      bufsizeKbps: videoKbps * 2,
      audioKbps: source.hasAudio ? rung.audioKbps : undefined,
      level,
      codecs: codecsString(level, source.hasAudio),
    });
  }
  return plans;
}

// H.264 Table A-1 (levels 3.0 to 5.2): max macroblocks per second, per frame, and max video bitrate (kbit/s, Main;
// High profile allows 1.25×).
const LEVELS: [level: number, maxMbps: number, maxFs: number, maxKbps: number][] = [
  [30, 40_500, 1_620, 10_000],
  [31, 108_000, 3_600, 14_000],
  [32, 216_000, 5_120, 20_000],
  [40, 245_760, 8_192, 20_000],
  [41, 245_760, 8_192, 50_000],
  [42, 522_240, 8_704, 50_000],
  [50, 589_824, 22_080, 135_000],
  [51, 983_040, 36_864, 240_000],
  [52, 2_073_600, 36_864, 240_000],
];

/** The lowest H.264 level (×10) that allows this frame size, rate and peak bitrate in the High profile. */
export function h264Level(width: number, height: number, fps: number, maxrateKbps: number): number {
  const frameMbs = Math.ceil(width / 16) * Math.ceil(height / 16);
  const fits = ([, maxMbps, maxFs, maxKbps]: (typeof LEVELS)[number]) =>
    frameMbs <= maxFs &&
    frameMbs * fps <= maxMbps &&
    Math.ceil(width / 16) <= Math.sqrt(8 * maxFs) &&
    Math.ceil(height / 16) <= Math.sqrt(8 * maxFs) &&
    maxrateKbps <= maxKbps * 1.25;
  return (LEVELS.find(fits) ?? LEVELS[LEVELS.length - 1])[0];
}

/** RFC 6381 codecs: H.264 High (profile_idc 0x64, no constraint flags) at `level`, plus AAC-LC when there is audio. */
export function codecsString(level: number, hasAudio: boolean): string {
  const video = `avc1.6400${level.toString(16).padStart(2, "0")}`;
  return hasAudio ? `${video},mp4a.40.2` : video;
}
