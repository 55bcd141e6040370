// The media pipeline end to end on this run's database: files in, HLS ladder + thumbnails out, via jobs and a worker.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAsset, findSubtitle } from "@/db/queries/media";
import { mediaDir } from "@/lib/env";
import { useDatabase } from "@/test/database";
import { attachSubtitle, cancelJob, createAssetFromFile, getJob, retryJob, setMarkers, type JobView } from "./assets";
import { ffmpegPath, ffprobePath, runTool } from "./ffmpeg";
import { makeTestVideo, measureTone } from "./test-video";
import { startWorker } from "./worker";

useDatabase();

const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-media-"));
const logLines: string[] = [];
let worker: ReturnType<typeof startWorker> | undefined;
const start = () => (worker = startWorker({ pollIntervalMs: 100, heartbeatIntervalMs: 150, liveIngest: false, log: (line) => logLines.push(line) }));

beforeAll(() => void start());
afterAll(async () => {
  await worker?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Polls the job until `done` holds, recording every distinct (stage, percent) seen. */
async function watchJob(jobId: string, done: (job: JobView) => boolean, timeoutMs = 90_000) {
  const seen: { stage: string; percent: number }[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await getJob(jobId))!;
    const last = seen[seen.length - 1];
    if (!last || last.stage !== job.stage || last.percent !== job.percent) seen.push({ stage: job.stage, percent: job.percent });
    if (done(job)) return { job, seen };
    if (Date.now() > deadline) throw new Error(`job ${jobId} stuck at ${job.stage} ${job.percent}%: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const ended = (job: JobView) => ["ready", "failed", "canceled"].includes(job.stage);

const assetDir = (assetId: string) => path.join(mediaDir, "assets", assetId);
const leftovers = (jobId: string) => (fs.existsSync(path.join(mediaDir, "tmp")) ? fs.readdirSync(path.join(mediaDir, "tmp")) : []).filter((n) => n.startsWith(jobId));

function readMediaPlaylist(file: string) {
  const text = fs.readFileSync(file, "utf8");
  const durations = [...text.matchAll(/^#EXTINF:([\d.]+),/gm)].map((m) => Number(m[1]));
  const segments = text.split("\n").filter((line) => line && !line.startsWith("#"));
  return { text, durations, segments };
}

async function probeStreams(file: string) {
  const { stdout } = await runTool(ffprobePath(), ["-v", "error", "-print_format", "json", "-show_streams", file]);
  return (JSON.parse(stdout) as { streams: { codec_type: string; profile?: string; level?: number; width?: number; height?: number }[] }).streams;
}

async function keyframeTimes(file: string) {
  const { stdout } = await runTool(ffprobePath(), ["-v", "error", "-select_streams", "v", "-skip_frame", "nokey", "-show_entries", "frame=pts_time", "-of", "csv=p=0", file]);
  return stdout.split(/[\s,]+/).filter(Boolean).map(Number);
}

describe("transcoding a source into an HLS ladder", { timeout: 120_000 }, () => {
  it("turns a 1080p source into 360p–1080p renditions, a master playlist and a thumbnail map, reporting progress", async () => {
    const source = await makeTestVideo(path.join(work, "hd.mp4"), { width: 1920, height: 1080, seconds: 8 });
    const { assetId, jobId } = await createAssetFromFile(source);
    const { job, seen } = await watchJob(jobId, ended);
    expect(job).toMatchObject({ stage: "ready", percent: 100, attempts: 1, error: null });

    // Progress: stages in order, percent rising through encoding.
    const order = ["queued", "probing", "encoding", "thumbnails", "ready"];
    const stages = seen.map((s) => s.stage);
    expect(stages).toContain("encoding");
    expect(stages.map((s) => order.indexOf(s))).toEqual([...stages.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    expect(seen.some((s) => s.stage === "encoding" && s.percent > 0 && s.percent < 100)).toBe(true);
    const percents = seen.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(logLines.some((line) => line.startsWith(`transcode ${jobId.slice(0, 8)}: ready`))).toBe(true);

    const asset = (await findAsset(assetId))!;
    expect(asset).toMatchObject({ status: "ready", width: 1920, height: 1080, thumbnailsVtt: "thumbnails.vtt", error: null });
    expect(asset.durationSeconds).toBeCloseTo(8, 1);
    // One audio stream: recorded, muxed into every rendition, and the master has no audio group (as ever).
    expect(asset.audioTracks).toEqual([expect.objectContaining({ language: "und", label: "Audio 1", default: true, playlist: null })]);
    expect(asset.renditions.map((r) => [r.name, r.width, r.height])).toEqual([
      ["360p", 640, 360],
      ["480p", 854, 480],
      ["720p", 1280, 720],
      ["1080p", 1920, 1080],
    ]);
    const dir = assetDir(assetId);
    for (const rendition of asset.renditions) {
      expect(rendition.codecs).toMatch(/^avc1\.6400[0-9a-f]{2},mp4a\.40\.2$/);
      expect(rendition.bandwidth).toBeGreaterThanOrEqual(rendition.averageBandwidth);
      const playlist = readMediaPlaylist(path.join(dir, rendition.playlist));
      expect(playlist.text).toContain("#EXT-X-TARGETDURATION:6\n");
      expect(playlist.text).toContain("#EXT-X-ENDLIST");
      expect(playlist.durations[0]).toBeCloseTo(6, 1);
      expect(playlist.durations.reduce((a, b) => a + b, 0)).toBeCloseTo(8, 0);
      for (const segment of playlist.segments) expect(fs.existsSync(path.join(dir, path.dirname(rendition.playlist), segment))).toBe(true);
    }
    // The codecs string tells the truth about what was encoded; keyframes every 2 s.
    const firstSegment = path.join(dir, "720p", readMediaPlaylist(path.join(dir, "720p/index.m3u8")).segments[0]);
    const [video, audio] = await probeStreams(firstSegment);
    expect(video).toMatchObject({ codec_type: "video", profile: "High", width: 1280, height: 720 });
    expect(asset.renditions[2].codecs.slice(9, 11)).toBe(video.level!.toString(16));
    expect(audio).toMatchObject({ codec_type: "audio", profile: "LC" });
    const keys = await keyframeTimes(firstSegment);
    expect(keys.map((t) => Math.round((t - keys[0]) * 100) / 100)).toEqual([0, 2, 4]);

    const master = fs.readFileSync(path.join(dir, "master.m3u8"), "utf8").trim().split("\n");
    expect(master[0]).toBe("#EXTM3U");
    expect(master.some((line) => line.startsWith("#EXT-X-MEDIA"))).toBe(false);
    const variants = master.flatMap((line, i) => (line.startsWith("#EXT-X-STREAM-INF:") ? [{ attrs: line, uri: master[i + 1] }] : []));
    expect(variants).toHaveLength(4);
    for (const { attrs, uri } of variants) {
      expect(attrs).toMatch(/BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=\d+x\d+,CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/);
      expect(fs.existsSync(path.join(dir, uri))).toBe(true);
    }

    const vtt = fs.readFileSync(path.join(dir, "thumbnails.vtt"), "utf8");
    expect(vtt.startsWith("WEBVTT\n")).toBe(true);
    const cues = [...vtt.matchAll(/^([\d:.]+) --> ([\d:.]+)\n(sprite-\d+\.jpg)#xywh=(\d+),(\d+),160,90$/gm)];
    expect(cues.map((c) => [c[1], c[2], c[4], c[5]])).toEqual([
      ["00:00:00.000", "00:00:05.000", "0", "0"],
      ["00:00:05.000", "00:00:08.000", "160", "0"],
    ]);
    const [sprite] = await probeStreams(path.join(dir, cues[0][3]));
    expect(sprite).toMatchObject({ width: 1600, height: 900 });
    expect(leftovers(jobId)).toEqual([]);
  });

  it("never upscales: a 360p source gets only 360p; subtitles and markers attach to the asset", async () => {
    const source = await makeTestVideo(path.join(work, "sd.mp4"), { width: 640, height: 360, seconds: 4 });
    const { assetId, jobId } = await createAssetFromFile(source, { move: true });
    expect(fs.existsSync(source)).toBe(false);
    // Attached while the job runs: publishing the ladder must keep it.
    await attachSubtitle(assetId, { language: "en", label: "English", vtt: "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n" });
    await attachSubtitle(assetId, { language: "en", label: "English (CC)", vtt: "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n" });
    await expect(attachSubtitle(assetId, { language: "en", label: "x", vtt: "1\n00:00:00,000 --> 00:00:01,000\nSRT\n" })).rejects.toThrow(/WebVTT/);
    await setMarkers(assetId, { introStartSeconds: 1, introEndSeconds: 2 });
    await setMarkers(assetId, { creditsStartSeconds: 3.5 });
    await expect(setMarkers(assetId, { introEndSeconds: 0.5 })).rejects.toThrow(/intro must end after/);

    const { job } = await watchJob(jobId, ended);
    expect(job.stage).toBe("ready");
    const asset = (await findAsset(assetId))!;
    expect(asset.renditions.map((r) => [r.name, r.width, r.height])).toEqual([["360p", 640, 360]]);
    expect(asset).toMatchObject({ introStartSeconds: 1, introEndSeconds: 2, creditsStartSeconds: 3.5 });
    expect(await findSubtitle(assetId, "en")).toMatchObject({ label: "English (CC)", path: "subtitles/en.vtt" });
    expect(fs.readFileSync(path.join(assetDir(assetId), "subtitles/en.vtt"), "utf8")).toContain("Hi");
    expect(fs.readdirSync(assetDir(assetId)).sort()).toEqual(["360p", "master.m3u8", "sprite-0.jpg", "subtitles", "thumbnails.vtt"]);
  });

  it("handles a small source without audio (encoded at its own size as the 360p rendition)", async () => {
    const source = await makeTestVideo(path.join(work, "silent.mp4"), { width: 320, height: 240, seconds: 3, audio: false });
    const { assetId, jobId } = await createAssetFromFile(source);
    expect((await watchJob(jobId, ended)).job.stage).toBe("ready");
    const asset = (await findAsset(assetId))!;
    expect(asset.renditions).toEqual([expect.objectContaining({ name: "360p", width: 320, height: 240, codecs: "avc1.64001e" })]);
    expect(asset.audioTracks).toEqual([]);
    const dir = assetDir(assetId);
    const segment = path.join(dir, "360p", readMediaPlaylist(path.join(dir, "360p/index.m3u8")).segments[0]);
    expect((await probeStreams(segment)).map((s) => s.codec_type)).toEqual(["video"]);
    expect(fs.readFileSync(path.join(dir, "master.m3u8"), "utf8")).toContain('CODECS="avc1.64001e"\n');
  });

  it("keeps every audio stream of a source: the default muxed into the video renditions, the others as an HLS audio group", async () => {
    const source = await makeTestVideo(path.join(work, "bilingual.mp4"), {
      width: 1280,
      height: 720,
      seconds: 4,
      audio: [
        { frequency: 440, language: "eng" },
        { frequency: 880, language: "spa", default: true },
        { frequency: 660 },
      ],
    });
    const { assetId, jobId } = await createAssetFromFile(source);
    expect((await watchJob(jobId, ended)).job.stage).toBe("ready");
    const asset = (await findAsset(assetId))!;
    expect(asset.renditions.map((r) => r.name)).toEqual(["360p", "480p", "720p"]);
    expect(asset.audioTracks.map((t) => [t.language, t.label, t.default, t.playlist])).toEqual([
      ["es", "Español", true, null],
      ["en", "English", false, "audio-0/index.m3u8"],
      ["und", "Audio 3", false, "audio-2/index.m3u8"],
    ]);
    for (const track of asset.audioTracks.slice(1)) expect(track).toMatchObject({ codecs: "mp4a.40.2", channels: 2, bandwidth: expect.any(Number) });
    expect(asset.audioTracks[1].bandwidth).toBeGreaterThan(64_000);

    // What ffprobe makes of the published master: the variants' muxed Spanish and the two alternates, by language.
    const dir = assetDir(assetId);
    const { stdout } = await runTool(ffprobePath(), ["-v", "error", "-print_format", "json", "-show_streams", path.join(dir, "master.m3u8")]);
    const streams = (JSON.parse(stdout) as { streams: { codec_type: string; tags?: { language?: string; comment?: string } }[] }).streams;
    const audio = streams.filter((s) => s.codec_type === "audio" && s.tags?.language).map((s) => `${s.tags!.language} ${s.tags!.comment}`);
    expect([...new Set(audio)].sort()).toEqual(["en English", "es Español", "und Audio 3"]);

    const master = fs.readFileSync(path.join(dir, "master.m3u8"), "utf8");
    expect(master).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",LANGUAGE="es",NAME="Español",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2"\n');
    expect(master).toContain('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",LANGUAGE="en",NAME="English",DEFAULT=NO,AUTOSELECT=YES,CHANNELS="2",URI="audio-0/index.m3u8"\n');
    expect(master.match(/^#EXT-X-STREAM-INF:.*,AUDIO="aac"$/gm)).toHaveLength(3);

    // Each language is its own tone: the video renditions carry the default (Spanish, 880 Hz) with the picture, the
    // alternates are audio only, cut at the same times as the video.
    const segments = (playlist: string) => readMediaPlaylist(path.join(dir, playlist));
    const video = segments("720p/index.m3u8");
    expect((await probeStreams(path.join(dir, "720p", video.segments[0]))).map((s) => s.codec_type)).toEqual(["video", "audio"]);
    expect(await measureTone(path.join(dir, "720p", video.segments[0]))).toBeCloseTo(880, -1);
    for (const [playlist, tone] of [["audio-0/index.m3u8", 440], ["audio-2/index.m3u8", 660]] as const) {
      const alternate = segments(playlist);
      expect(alternate.text).toContain("#EXT-X-ENDLIST");
      expect(alternate.durations.map(Math.round)).toEqual(video.durations.map(Math.round));
      const first = path.join(dir, path.dirname(playlist), alternate.segments[0]);
      expect((await probeStreams(first)).map((s) => s.codec_type)).toEqual(["audio"]);
      expect(await measureTone(first)).toBeCloseTo(tone, -1);
    }
  });

  it("fails at once, with a readable error and nothing left behind, on a source that is not a video", async () => {
    const garbage = path.join(work, "broken.mp4");
    fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919) % 251)));
    const audioOnly = path.join(work, "tone.wav");
    await runTool(ffmpegPath(), ["-v", "error", "-f", "lavfi", "-i", "sine=duration=2", audioOnly]);

    for (const [file, message] of [
      [garbage, /^The source could not be read as a video \(.*Invalid data found when processing input\)\.$/],
      [audioOnly, /^The source has no video stream\.$/],
    ] as const) {
      const { assetId, jobId } = await createAssetFromFile(file);
      const { job } = await watchJob(jobId, ended);
      expect(job).toMatchObject({ stage: "failed", attempts: 1 });
      expect(job.error).toMatch(message);
      expect(job.error).not.toContain(mediaDir);
      expect(await findAsset(assetId)).toMatchObject({ status: "failed", error: job.error, renditions: [] });
      expect(fs.existsSync(assetDir(assetId))).toBe(false);
      expect(leftovers(jobId)).toEqual([]);
    }
  });

  it("cancels a queued job and a running one (ffmpeg killed, output removed), and retries a canceled one", async () => {
    const source = await makeTestVideo(path.join(work, "long.mp4"), { width: 640, height: 360, seconds: 60 });
    const running = await createAssetFromFile(source);
    const queued = await createAssetFromFile(source);
    await watchJob(running.jobId, (job) => job.stage === "encoding" && job.percent > 2);
    expect((await getJob(queued.jobId))!.stage).toBe("queued");

    expect(await cancelJob(queued.jobId)).toMatchObject({ stage: "canceled" });
    expect(await cancelJob(running.jobId)).toMatchObject({ stage: "canceled" });
    await expect(cancelJob(running.jobId)).rejects.toThrow(/Only queued or running jobs/);
    // The worker notices within a heartbeat, kills ffmpeg, removes its staging directory, then logs why it stopped.
    const stopped = `transcode ${running.jobId.slice(0, 8)}: stopped (canceled)`;
    const deadline = Date.now() + 10_000;
    while ((leftovers(running.jobId).length > 0 || !logLines.includes(stopped)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(leftovers(running.jobId)).toEqual([]);
    expect(logLines).toContain(stopped);
    for (const { assetId, jobId } of [running, queued]) {
      expect(await getJob(jobId)).toMatchObject({ stage: "canceled", attempts: jobId === running.jobId ? 1 : 0 });
      expect(await findAsset(assetId)).toMatchObject({ status: "failed", error: "Transcoding was canceled." });
      expect(fs.existsSync(assetDir(assetId))).toBe(false);
    }

    expect(await retryJob(queued.jobId)).toMatchObject({ stage: "queued", attempts: 0, error: null });
    expect((await watchJob(queued.jobId, ended)).job).toMatchObject({ stage: "ready", attempts: 1 });
    expect(await findAsset(queued.assetId)).toMatchObject({ status: "ready", error: null });
    await expect(retryJob(queued.jobId)).rejects.toThrow(/Only failed or canceled jobs/);
  });

  it("hands a running job back to the queue when the worker stops, for the next worker to finish", async () => {
    const source = path.join(work, "long.mp4");
    const { assetId, jobId } = await createAssetFromFile(source);
    await watchJob(jobId, (job) => job.stage === "encoding" && job.percent > 2);
    await worker!.stop();
    expect(await getJob(jobId)).toMatchObject({ stage: "queued", attempts: 0, workerId: null });
    expect(await findAsset(assetId)).toMatchObject({ status: "pending" });
    expect(leftovers(jobId)).toEqual([]);

    start();
    expect((await watchJob(jobId, ended)).job).toMatchObject({ stage: "ready", attempts: 1 });
  });
});
