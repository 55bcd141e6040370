// Synthetic source videos (ffmpeg's lavfi test pattern and sine tones), for tests and the transcode benchmark.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runTool, ffmpegPath } from "./ffmpeg";

/** One audio stream of a test video: a sine tone, tagged with a language (ISO 639-2 or BCP 47) when given. */
export type TestAudio = { frequency: number; language?: string; title?: string; default?: boolean };

/** `audio`: false for none; a list for several streams (each its own tone); default one 440 Hz stream. */
export type TestVideo = { width: number; height: number; seconds: number; fps?: number; audio?: boolean | TestAudio[] };

/** Writes an H.264 (+ AAC) MP4 with a moving test pattern; fast to make, small on disk. */
export async function makeTestVideo(file: string, video: TestVideo): Promise<string> {
  const fps = video.fps ?? 24;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const audio = video.audio === false ? [] : Array.isArray(video.audio) ? video.audio : [{ frequency: 440 }];
  const args = ["-v", "error", "-y", "-f", "lavfi", "-i", `testsrc2=size=${video.width}x${video.height}:rate=${fps}:duration=${video.seconds}`];
  for (const track of audio) args.push("-f", "lavfi", "-i", `sine=frequency=${track.frequency}:sample_rate=48000:duration=${video.seconds}`);
  args.push("-map", "0:v");
  audio.forEach((_, i) => args.push("-map", `${i + 1}:a`));
  args.push("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", String(fps * 2));
  if (audio.length) args.push("-c:a", "aac", "-b:a", "96k");
  audio.forEach((track, i) => {
    if (track.language) args.push(`-metadata:s:a:${i}`, `language=${track.language}`);
    if (track.title) args.push(`-metadata:s:a:${i}`, `title=${track.title}`);
    // Only what the caller says is default: ffmpeg marks the first stream of each kind otherwise.
    if (audio.length > 1) args.push(`-disposition:a:${i}`, track.default ? "default" : "0");
  });
  await runTool(ffmpegPath(), [...args, file]);
  return file;
}

/** The frequency (Hz) of the sine tone in a file's first audio stream, counted from its zero crossings. */
export async function measureTone(file: string): Promise<number> {
  const raw = path.join(os.tmpdir(), `normflix-tone-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.raw`);
  await runTool(ffmpegPath(), ["-v", "error", "-i", file, "-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "s16le", raw]);
  const pcm = await fs.readFile(raw);
  await fs.rm(raw);
  let crossings = 0;
  for (let i = 2; i + 1 < pcm.length; i += 2) if (pcm.readInt16LE(i - 2) < 0 !== pcm.readInt16LE(i) < 0) crossings++;
  return crossings / 2 / (pcm.length / 2 / 48000);
}
