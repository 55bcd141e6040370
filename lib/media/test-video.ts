// Synthetic source videos (ffmpeg's lavfi test pattern and a sine tone), for tests and the transcode benchmark.
import fs from "node:fs/promises";
import path from "node:path";
import { runTool, ffmpegPath } from "./ffmpeg";

export type TestVideo = { width: number; height: number; seconds: number; fps?: number; audio?: boolean };

/** Writes an H.264 (+ AAC) MP4 with a moving test pattern; fast to make, small on disk. */
export async function makeTestVideo(file: string, video: TestVideo): Promise<string> {
  const fps = video.fps ?? 24;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const args = ["-v", "error", "-y", "-f", "lavfi", "-i", `testsrc2=size=${video.width}x${video.height}:rate=${fps}:duration=${video.seconds}`];
  if (video.audio !== false) args.push("-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${video.seconds}`);
  args.push("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", String(fps * 2));
  if (video.audio !== false) args.push("-c:a", "aac", "-b:a", "96k");
  await runTool(ffmpegPath(), [...args, file]);
  return file;
}
