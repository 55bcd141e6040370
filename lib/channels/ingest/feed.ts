// One live feed, from its first byte to its end, as two ffmpeg processes joined by a pipe (no database here: the
// supervisor wraps this):
//
//   receiver: listens for one RTMP publisher (ffmpeg's `-listen 1` takes a single connection and exits when it ends;
//             behind the channel's gate, rtmp-gate.ts, on a loopback port), or pulls `source_url`; copies the feed unchanged to MPEG-TS on its stdout. Its log
//             says what the input is (codec, size, frame rate), who published (a wrong stream key is refused here:
//             ffmpeg itself only logs "Unexpected stream"), and its stats lines the bitrate and frames received.
//   ladder:   started once the input is known (so its renditions are planned like an upload's, never upscaled):
//             encodes every rung with a keyframe every 2 s and writes a sliding-window live HLS playlist per rung
//             (2 s segments, the DVR window, #EXT-X-PROGRAM-DATE-TIME), appending to what the previous feed left
//             (a #EXT-X-DISCONTINUITY between the two), deleting segments that slide out.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Rendition } from "@/db/schema/media";
import { ffmpegPath, OutputTail } from "@/lib/media/ffmpeg";
import { planLadder, type RenditionPlan } from "@/lib/media/ladder";

export const LIVE_SEGMENT_SECONDS = 2;
/** A feed that sends nothing for this long, while the ladder writes nothing either, is dropped (its publisher hung). */
const STALL_MS = 20_000;

/** A push is listened for on `host`:`port` (the gate's loopback port); a pull reads `url`. */
export type FeedSource = { kind: "push"; host: string; port: number; streamKey: string } | { kind: "pull"; url: string };

export type FeedInput = { width: number; height: number; fps: number; videoCodec: string; audioCodec: string | null };

export type FeedHandlers = {
  /** The input is known and the ladder is starting. */
  onInput?: (input: FeedInput, renditions: Rendition[]) => void;
  /** The first segment of every rung's playlist is written: viewers can watch. */
  onOnAir?: () => void;
  /** A publisher came with a wrong stream key: called as it is cut off (its connection is still the gate's current one). */
  onRefused?: () => void;
  /** About once a second while on air: what arrived since the last report. */
  onStats?: (stats: { bitrateKbps: number; fps: number }) => void;
};

export type FeedOptions = FeedHandlers & {
  outDir: string;
  dvrSeconds: number;
  preset: string;
  signal?: AbortSignal;
  log?: (line: string) => void;
};

/** How a feed ended: `refused` when a publisher came with a wrong key, `error` with ffmpeg's own words otherwise. */
export type FeedEnd = { onAir: boolean; refused?: string; error?: string };

const RUNG_DIR = /^\d+p$/;

/** Runs one feed to its end (the publisher leaves, the source ends, the signal aborts). Never rejects. */
export function runFeed(source: FeedSource, options: FeedOptions): Promise<FeedEnd> {
  return new Promise((resolve) => {
    const receiverLog = new OutputTail();
    const ladderLog = new OutputTail();
    const receiver = spawn(ffmpegPath(), receiverArgs(source), { stdio: ["ignore", "pipe", "pipe"] });
    let ladder: ChildProcess | undefined;
    let onAir = false;
    let refused: string | undefined;
    let input: Partial<FeedInput> = {};
    let lastStats: { at: number; bytes: number; frames: number; seconds: number } | undefined;
    let lastData = Date.now();
    let finished = 0;

    const stop = () => {
      receiver.kill("SIGKILL");
      ladder?.kill("SIGKILL");
    };
    const abort = () => stop();
    options.signal?.addEventListener("abort", abort, { once: true });
    if (options.signal?.aborted) stop();
    const stall = setInterval(() => ladder && Date.now() - lastData > STALL_MS && stop(), 1_000);

    const done = () => {
      if (++finished < (ladder ? 2 : 1)) return;
      clearInterval(stall);
      options.signal?.removeEventListener("abort", abort);
      const error = onAir || refused ? undefined : (receiverLog.summary() || ladderLog.summary() || undefined);
      resolve({ onAir, refused, error });
    };

    lines(receiver.stderr!, (line) => {
      receiverLog.push(`${line}\n`);
      lastData = Date.now();
      const wrongKey = /Unexpected stream (\S*), expecting/.exec(line);
      if (wrongKey && source.kind === "push") {
        refused = "A publisher was refused: wrong stream key.";
        options.log?.(`refused a publisher with a wrong stream key`);
        options.onRefused?.();
        return stop();
      }
      const video = /Stream #0:\d+.*?: Video: (\w+).*?, (\d{2,5})x(\d{2,5})/.exec(line);
      if (video) {
        const fps = /, ([\d.]+) (?:fps|tbr)/.exec(line);
        input = { ...input, videoCodec: video[1], width: Number(video[2]), height: Number(video[3]), fps: fps ? Number(fps[1]) : 30 };
      }
      const audio = /Stream #0:\d+.*?: Audio: (\w+)/.exec(line);
      if (audio) input.audioCodec = audio[1];
      if (/^Output #0/.test(line) && !ladder) startLadder();
      const stats = /frame=\s*(\d+).*?size=\s*(\d+)(k|M)?B.*?time=\s*(\d+):(\d+):([\d.]+)/.exec(line);
      if (stats && onAir) report(Number(stats[1]), Number(stats[2]) * (stats[3] === "M" ? 1024 * 1024 : stats[3] === "k" ? 1024 : 1), Number(stats[4]) * 3600 + Number(stats[5]) * 60 + Number(stats[6]));
    });

    function report(frames: number, bytes: number, seconds: number) {
      const now = Date.now();
      if (lastStats && now - lastStats.at >= 900 && seconds > lastStats.seconds) {
        const span = seconds - lastStats.seconds;
        options.onStats?.({
          bitrateKbps: Math.round(((bytes - lastStats.bytes) * 8) / 1000 / span),
          fps: Math.round(((frames - lastStats.frames) / span) * 100) / 100,
        });
      }
      if (!lastStats || now - lastStats.at >= 900) lastStats = { at: now, bytes, frames, seconds };
    }

    function startLadder() {
      if (!input.width || !input.height) return stop();
      const feed: FeedInput = { width: input.width, height: input.height, fps: input.fps ?? 30, videoCodec: input.videoCodec ?? "unknown", audioCodec: input.audioCodec ?? null };
      const plans = planLadder({ width: feed.width, height: feed.height, fps: feed.fps, hasAudio: feed.audioCodec !== null });
      options.onInput?.(feed, plans.map(rendition));
      for (const plan of plans) fs.mkdirSync(path.join(options.outDir, plan.name), { recursive: true });
      const args = ladderArgs(plans, options.outDir, options.dvrSeconds, options.preset, `${Date.now().toString(36)}`);
      ladder = spawn(ffmpegPath(), args, { stdio: ["pipe", "ignore", "pipe"] });
      receiver.stdout!.pipe(ladder.stdin!);
      ladder.stdin!.on("error", () => undefined); // the ladder died first: its own exit says why
      const pending = new Set(plans.map((p) => p.name));
      lines(ladder.stderr!, (line) => {
        ladderLog.push(`${line}\n`);
        // A ladder still writing segments is a live feed, even when the receiver waits on it (a slow encode).
        if (line.startsWith("[hls")) lastData = Date.now();
        const opened = /Opening '(.+)[/\\](\d+p)[/\\]index\.m3u8\.tmp' for writing/.exec(line);
        if (opened && pending.delete(opened[2]) && pending.size === 0 && !onAir) {
          onAir = true;
          options.onOnAir?.();
        }
      });
      ladder.once("close", () => {
        receiver.kill("SIGKILL");
        done();
      });
      ladder.once("error", () => done());
    }

    receiver.once("close", () => {
      if (!ladder) receiver.stdout!.resume();
      done();
    });
    receiver.once("error", (error) => {
      receiverLog.push(error.message);
    });
  });
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void) {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    pending += chunk;
    const parts = pending.split(/\r\n|\r|\n/);
    pending = parts.pop() ?? "";
    for (const part of parts) if (part.trim()) onLine(part.trim());
  });
}

const rendition = (plan: RenditionPlan): Rendition => {
  const bandwidth = (plan.maxrateKbps + (plan.audioKbps ?? 0)) * 1000;
  return { name: plan.name, width: plan.width, height: plan.height, bandwidth, averageBandwidth: (plan.videoKbps + (plan.audioKbps ?? 0)) * 1000, codecs: plan.codecs, playlist: `${plan.name}/index.m3u8` };
};

/** The receiver: one publisher on the given address, or a pull; the feed copied to MPEG-TS on stdout. */
export function receiverArgs(source: FeedSource): string[] {
  const input =
    source.kind === "push"
      ? ["-listen", "1", "-i", `rtmp://${source.host}:${source.port}/live/${source.streamKey}`]
      : ["-rw_timeout", "10000000", "-i", source.url];
  return [
    "-hide_banner", "-nostdin", "-loglevel", "info", "-stats_period", "1",
    "-fflags", "+nobuffer", ...input,
    "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-f", "mpegts", "pipe:1",
  ];
}

/** The ladder: MPEG-TS on stdin → every rung, one live HLS output each under `outDir/<rung>/`. */
export function ladderArgs(plans: RenditionPlan[], outDir: string, dvrSeconds: number, preset: string, session: string): string[] {
  const keyint = String(Math.max(1, Math.round(plans[0].fps * LIVE_SEGMENT_SECONDS)));
  const graph = [
    `[0:v:0]split=${plans.length}${plans.map((_, i) => `[s${i}]`).join("")}`,
    ...plans.map((p, i) => `[s${i}]scale=${p.width}:${p.height},setsar=1,format=yuv420p[v${i}]`),
  ].join(";");
  const args = ["-hide_banner", "-nostdin", "-loglevel", "info", "-nostats", "-fflags", "+nobuffer+genpts", "-f", "mpegts", "-i", "pipe:0", "-filter_complex", graph];
  const listSize = String(Math.ceil(dvrSeconds / LIVE_SEGMENT_SECONDS));
  for (const [i, plan] of plans.entries()) {
    args.push("-map", `[v${i}]`);
    // Audio from the first segment on: a feed's sound often starts seconds after its picture, and a player that began
    // on video-only segments cannot take audio later (Chromium refuses the append). Silence fills the gap.
    if (plan.audioKbps) args.push("-map", "0:a:0", "-af", "aresample=async=1:first_pts=0", "-c:a", "aac", "-ac", "2", "-ar", "48000", "-b:a", `${plan.audioKbps}k`);
    args.push(
      "-c:v", "libx264", "-preset", preset, "-tune", "zerolatency", "-profile:v", "high", "-level:v", (plan.level / 10).toFixed(1),
      "-b:v", `${plan.videoKbps}k`, "-maxrate:v", `${plan.maxrateKbps}k`, "-bufsize:v", `${plan.bufsizeKbps}k`,
      // A keyframe every segment and nowhere else, so every rung's segments start on the same frames.
      "-g", keyint, "-keyint_min", keyint, "-sc_threshold", "0", "-force_key_frames", `expr:gte(t,n_forced*${LIVE_SEGMENT_SECONDS})`,
      "-f", "hls", "-hls_time", String(LIVE_SEGMENT_SECONDS), "-hls_list_size", listSize,
      "-hls_flags", "delete_segments+append_list+omit_endlist+discont_start+program_date_time+independent_segments+temp_file",
      "-hls_segment_type", "mpegts",
      // Segment names carry the feed's start, so a feed that comes back never reuses the name of a cached segment.
      "-hls_segment_filename", path.join(outDir, plan.name, `seg-${session}-%06d.ts`),
      path.join(outDir, plan.name, "index.m3u8"),
    );
  }
  return args;
}

/** Whether `name` is a rung folder the ladder writes (for cleaning up after a channel). */
export const isRungDir = (name: string) => RUNG_DIR.test(name);
