// What a source video is: ffprobe's JSON reduced to what the ladder needs. A source ffprobe cannot read, or one
// without a video stream or a duration, is a permanent failure: retrying cannot help.
import path from "node:path";
import { sourceAudio, type SourceAudio } from "./audio-tracks";
import { ffprobePath, runTool, ToolError } from "./ffmpeg";

export type SourceInfo = {
  durationSeconds: number;
  /** Display size: sample aspect ratio applied and rotation (phone videos) taken into account. */
  width: number;
  height: number;
  fps: number;
  hasAudio: boolean;
  /** Every audio stream, in source order (empty without audio); the ladder keeps them all. */
  audio: SourceAudio[];
};

/** A failure that no retry can fix (unreadable or unsuitable source). */
export class PermanentMediaError extends Error {
  constructor(
    message: string,
    readonly log = "",
  ) {
    super(message);
  }
}

type ProbeStream = {
  codec_type?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number; default?: number };
  tags?: { rotate?: string; language?: string; title?: string };
  side_data_list?: { rotation?: number }[];
};
type ProbeOutput = { streams?: ProbeStream[]; format?: { duration?: string } };

export async function probeSource(file: string, signal?: AbortSignal): Promise<SourceInfo> {
  let stdout: string;
  try {
    ({ stdout } = await runTool(ffprobePath(), ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file], { signal }));
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    const detail = error.log.split("\n").pop()?.replaceAll(file, path.basename(file)).trim();
    throw new PermanentMediaError(`The source could not be read as a video${detail ? ` (${detail})` : ""}.`, error.log);
  }
  return parseProbe(JSON.parse(stdout) as ProbeOutput);
}

export function parseProbe(output: ProbeOutput): SourceInfo {
  const streams = output.streams ?? [];
  // Cover art in audio files shows up as a one-frame video stream; it is not a video.
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  if (!video?.width || !video.height) throw new PermanentMediaError("The source has no video stream.");
  // The container's duration is what a player shows; some containers (e.g. raw streams) only know the stream's.
  const candidates = [Number(output.format?.duration), Number(video.duration)];
  const duration = candidates.find((value) => Number.isFinite(value) && value > 0) ?? Number.NaN;
  if (!Number.isFinite(duration) || duration <= 0) throw new PermanentMediaError("The source has no duration (is it a still image?).");

  const [sarNum, sarDen] = (video.sample_aspect_ratio ?? "1:1").split(":").map(Number);
  const sar = sarNum > 0 && sarDen > 0 ? sarNum / sarDen : 1;
  let width = Math.round(video.width * sar);
  let height = video.height;
  const rotation = Number(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? video.tags?.rotate ?? 0);
  if (Math.abs(rotation) % 180 === 90) [width, height] = [height, width];

  const audio = sourceAudio(streams.filter((s) => s.codec_type === "audio"));
  return {
    durationSeconds: duration,
    width,
    height,
    fps: parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate) ?? 30,
    hasAudio: audio.length > 0,
    audio,
  };
}

function parseRate(rate: string | undefined): number | undefined {
  if (!rate) return undefined;
  const [num, den = 1] = rate.split("/").map(Number);
  const value = num / den;
  return Number.isFinite(value) && value > 0 && value <= 1000 ? value : undefined;
}
