// Source video → HLS ladder + thumbnail sprites (ARCHITECTURE.md, "Media"): probe → one ffmpeg pass that decodes the
// source once and encodes every rendition and the thumbnail frames → tile the frames into sprite sheets, measure the
// output, write the thumbnails' WebVTT map and a master playlist. No database here: the worker wraps this in a job.
//
// Why the tiling is a second (tiny) step: ffmpeg 5/6 print no -progress report until every output file has written
// its header, and a tile output writes its first packet only when a sheet is full, i.e. at the very end for most
// videos. Single thumbnail frames start at t=0, so progress flows; tiling 160×90 JPEGs afterwards takes milliseconds.
import fs from "node:fs/promises";
import path from "node:path";
import type { AudioTrack, Rendition } from "@/db/schema/media";
import { env, type Env } from "@/lib/env";
import { AUDIO_CHANNELS, AUDIO_CODECS, orderedAudio, type SourceAudio } from "./audio-tracks";
import { ffmpegPath, runFfmpeg, runTool, ToolError } from "./ffmpeg";
import { measureMediaPlaylist, renderMasterPlaylist, renderThumbnailsVtt, SPRITE } from "./hls";
import { planLadder, type RenditionPlan } from "./ladder";
import { probeSource, type SourceInfo } from "./probe";

export const SEGMENT_SECONDS = 6;
export const GOP_SECONDS = 2;
export const MASTER_PLAYLIST = "master.m3u8";
export const THUMBNAILS_VTT = "thumbnails.vtt";
const THUMBNAIL_FRAMES = "thumbnail-frames";

export type Preset = Env["TRANSCODE_PRESET"];
export type TranscodeStage = "probing" | "encoding" | "thumbnails";

export type TranscodeOptions = {
  preset?: Preset;
  signal?: AbortSignal;
  onStage?: (stage: TranscodeStage) => void;
  /** Whole-job progress, 0–100 (encoding is 0–99; writing the maps and playlists is the last percent). */
  onProgress?: (percent: number) => void;
};

export type TranscodeResult = {
  durationSeconds: number;
  width: number;
  height: number;
  renditions: Rendition[];
  /** Every audio stream of the source (none without audio); with two or more, all but the default are HLS audio renditions. */
  audioTracks: AudioTrack[];
  /** Relative to the output directory. */
  thumbnailsVtt: string;
  masterPlaylist: string;
  /** The tail of ffmpeg's stderr (warnings). */
  log: string;
};

/** A failed encode; `log` holds the tail of ffmpeg's stderr. */
export class TranscodeError extends Error {
  constructor(
    message: string,
    readonly log: string,
  ) {
    super(message);
  }
}

export async function transcode(sourceFile: string, outDir: string, options: TranscodeOptions = {}): Promise<TranscodeResult> {
  const { signal, onStage, onProgress } = options;
  onStage?.("probing");
  const source = await probeSource(sourceFile, signal);
  const plans = planLadder(source);
  await fs.mkdir(path.join(outDir, THUMBNAIL_FRAMES), { recursive: true });

  onStage?.("encoding");
  onProgress?.(0);
  let log: string;
  try {
    log = await runFfmpeg(transcodeArgs(sourceFile, source, plans, outDir, options.preset ?? env.TRANSCODE_PRESET), {
      signal,
      onProgress: (seconds) => onProgress?.(Math.max(0, Math.min(99, (seconds / source.durationSeconds) * 99))),
    });
  } catch (error) {
    if (error instanceof ToolError) throw new TranscodeError(`Encoding failed: ${error.message}`, error.log);
    throw error;
  }

  onStage?.("thumbnails");
  onProgress?.(99);
  for (const [index, plan] of plans.entries()) await fs.rename(path.join(outDir, String(index)), path.join(outDir, plan.name));
  for (const [offset, audio] of alternateAudio(source).entries()) {
    await fs.rename(path.join(outDir, String(plans.length + offset)), path.join(outDir, audioFolder(audio)));
  }
  const renditions = await describeRenditions(outDir, plans);
  const audioTracks = await describeAudio(outDir, source);
  const tiles = await tileThumbnails(outDir, signal);
  await fs.writeFile(path.join(outDir, THUMBNAILS_VTT), renderThumbnailsVtt(source.durationSeconds, tiles));
  await fs.writeFile(path.join(outDir, MASTER_PLAYLIST), renderMasterPlaylist(renditions, undefined, audioTracks));
  return {
    durationSeconds: source.durationSeconds,
    width: source.width,
    height: source.height,
    renditions,
    audioTracks,
    thumbnailsVtt: THUMBNAILS_VTT,
    masterPlaylist: MASTER_PLAYLIST,
    log,
  };
}

async function describeRenditions(outDir: string, plans: RenditionPlan[]): Promise<Rendition[]> {
  return Promise.all(
    plans.map(async (plan) => {
      const playlist = `${plan.name}/index.m3u8`;
      const stats = await measureMediaPlaylist(path.join(outDir, playlist)).catch((error: Error) => {
        throw new TranscodeError(`the ${plan.name} rendition is incomplete: ${error.message}`, "");
      });
      return {
        name: plan.name,
        width: plan.width,
        height: plan.height,
        bandwidth: stats.peakBps,
        averageBandwidth: stats.averageBps,
        codecs: plan.codecs,
        playlist,
      };
    }),
  );
}

/**
 * With two or more audio streams, every one but the default becomes an audio-only rendition (the default stays muxed
 * into the video renditions, exactly as a single-audio source's: so live channels, which stitch those, still play
 * it). One stream or none: no alternates, the ladder is what it always was.
 */
const alternateAudio = (source: SourceInfo): SourceAudio[] => (source.audio.length > 1 ? source.audio.filter((a) => !a.default) : []);

const audioFolder = (audio: SourceAudio) => `audio-${audio.index}`;

/** The asset's audio tracks, default first: the muxed one, then each alternate with its playlist measured. */
async function describeAudio(outDir: string, source: SourceInfo): Promise<AudioTrack[]> {
  const alternates = new Set(alternateAudio(source).map((a) => a.index));
  return Promise.all(
    orderedAudio(source.audio).map(async (audio) => {
      const track = { language: audio.language, label: audio.label, default: audio.default, codecs: AUDIO_CODECS, channels: AUDIO_CHANNELS };
      if (!alternates.has(audio.index)) return { ...track, playlist: null, bandwidth: 0, averageBandwidth: 0 };
      const playlist = `${audioFolder(audio)}/index.m3u8`;
      const stats = await measureMediaPlaylist(path.join(outDir, playlist)).catch((error: Error) => {
        throw new TranscodeError(`the ${audio.label} audio rendition is incomplete: ${error.message}`, "");
      });
      return { ...track, playlist, bandwidth: stats.peakBps, averageBandwidth: stats.averageBps };
    }),
  );
}

/** Tiles the frames of the encoding pass into sprite sheets (sprite-0.jpg, …); returns how many tiles there are. */
async function tileThumbnails(outDir: string, signal?: AbortSignal): Promise<number> {
  const framesDir = path.join(outDir, THUMBNAIL_FRAMES);
  const frames = (await fs.readdir(framesDir)).filter((name) => /^\d+\.jpg$/.test(name)).length;
  if (frames === 0) throw new TranscodeError("ffmpeg wrote no thumbnail frames", "");
  const { columns, rows } = SPRITE;
  try {
    await runTool(ffmpegPath(), [
      "-hide_banner", "-nostdin", "-v", "error", "-framerate", "1", "-start_number", "0", "-i", path.join(framesDir, "%d.jpg"),
      "-vf", `tile=${columns}x${rows}`, "-c:v", "mjpeg", "-strict", "unofficial", "-q:v", "5",
      "-f", "image2", "-start_number", "0", path.join(outDir, "sprite-%d.jpg"),
    ], { signal });
  } catch (error) {
    if (error instanceof ToolError) throw new TranscodeError(`tiling the thumbnails failed: ${error.message}`, error.log);
    throw error;
  }
  await fs.rm(framesDir, { recursive: true, force: true });
  return frames;
}

/** The one ffmpeg command (without the global -progress/-nostdin flags) that writes the ladder and the sprites. */
export function transcodeArgs(sourceFile: string, source: SourceInfo, plans: RenditionPlan[], outDir: string, preset: Preset): string[] {
  const fps = plans[0].fps;
  const keyint = String(Math.max(1, Math.round(fps * GOP_SECONDS)));
  const input = source.fps > fps ? `[0:v:0]fps=${fps},` : "[0:v:0]";
  const { tileWidth: w, tileHeight: h, intervalSeconds } = SPRITE;
  const graph = [
    `${input}split=${plans.length + 1}${plans.map((_, i) => `[s${i}]`).join("")}[st]`,
    ...plans.map((p, i) => `[s${i}]scale=${p.width}:${p.height}:flags=bicubic,setsar=1,format=yuv420p[v${i}]`),
    // A thumbnail every interval (round=up: one for each started interval), letterboxed to the tile size.
    `[st]fps=1/${intervalSeconds}:round=up,scale=${w}:${h}:force_original_aspect_ratio=decrease:out_range=full,` +
      `pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1[thumbs]`,
  ].join(";");

  const args = ["-y", "-v", "warning", "-i", sourceFile, "-filter_complex", graph];
  plans.forEach((_, i) => args.push("-map", `[v${i}]`));
  // The default audio muxed into each video rendition, then each alternate once, as an audio-only rendition.
  const muxed = source.audio.find((a) => a.default);
  const alternates = alternateAudio(source);
  if (muxed) plans.forEach(() => args.push("-map", `0:a:${muxed.index}`));
  alternates.forEach((audio) => args.push("-map", `0:a:${audio.index}`));
  args.push(
    "-c:v", "libx264", "-preset", preset, "-profile:v", "high",
    // A keyframe every GOP_SECONDS and nowhere else, so every rendition's segments start on the same frames.
    "-g", keyint, "-keyint_min", keyint, "-sc_threshold", "0", "-force_key_frames", `expr:gte(t,n_forced*${GOP_SECONDS})`,
  );
  plans.forEach((p, i) =>
    args.push(
      `-b:v:${i}`, `${p.videoKbps}k`, `-maxrate:v:${i}`, `${p.maxrateKbps}k`, `-bufsize:v:${i}`, `${p.bufsizeKbps}k`,
      `-level:v:${i}`, (p.level / 10).toFixed(1),
    ),
  );
  if (muxed) {
    args.push("-c:a", "aac", "-ac", String(AUDIO_CHANNELS), "-ar", "48000");
    plans.forEach((p, i) => args.push(`-b:a:${i}`, `${p.audioKbps}k`));
    // Alternates are heard at every video rung: the top rung's audio bitrate.
    const alternateKbps = Math.max(...plans.map((p) => p.audioKbps ?? 0));
    alternates.forEach((_, j) => args.push(`-b:a:${plans.length + j}`, `${alternateKbps}k`));
  }
  // Variants are written to directories named by index (`name:` needs ffmpeg ≥ 4.2; the npm-shipped build is older)
  // and renamed after the encode. Audio-only variants follow the video ones; transcode() writes the master itself.
  const streamMap = [
    ...plans.map((_, i) => `v:${i}${muxed ? `,a:${i}` : ""}`),
    ...alternates.map((_, j) => `a:${plans.length + j}`),
  ].join(" ");
  args.push(
    "-max_muxing_queue_size", "4096",
    "-f", "hls", "-hls_time", String(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
    "-hls_flags", "independent_segments", "-hls_segment_type", "mpegts",
    "-hls_segment_filename", path.join(outDir, "%v", "seg-%05d.ts"),
    "-var_stream_map", streamMap,
    path.join(outDir, "%v", "index.m3u8"),
    "-map", "[thumbs]", "-c:v", "mjpeg", "-strict", "unofficial", "-q:v", "3",
    "-f", "image2", "-start_number", "0", path.join(outDir, THUMBNAIL_FRAMES, "%d.jpg"),
  );
  return args;
}
