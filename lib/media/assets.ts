import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import * as jobs from "@/db/queries/jobs";
import { findAsset, insertAsset, insertAssetWithJob, listSubtitles, updateAssetMarkers, upsertSubtitle, type Markers } from "@/db/queries/media";
import type { MediaAsset, Subtitle, TranscodeJob } from "@/db/schema/media";
import { ApiError } from "@/lib/api/errors";
import { mediaDir } from "@/lib/env";

// Media assets and their transcode jobs: what admin screens, the seed and the API call. Files live under MEDIA_DIR:
// sources/<assetId>.<ext> (kept, so a job can be retried) and assets/<assetId>/ (the HLS output, sprites, subtitles).

export type JobView = TranscodeJob & { etaSeconds: number | undefined };

/** An asset whose source is still to come; titles can point to it (shown as processing) meanwhile. */
export async function reserveAsset(): Promise<string> {
  const id = randomUUID();
  await insertAsset({ id, directory: path.posix.join("assets", id) });
  return id;
}

/**
 * Copies (or moves) a source video into MEDIA_DIR, creates its asset (or fills one from reserveAsset) and queues its
 * transcode.
 */
export async function createAssetFromFile(
  sourceFile: string,
  options: { move?: boolean; assetId?: string } = {},
): Promise<{ assetId: string; jobId: string }> {
  const stat = await fs.stat(sourceFile).catch(() => undefined);
  if (!stat?.isFile()) throw new Error(`No source video at ${sourceFile}`);
  const assetId = options.assetId ?? randomUUID();
  const ext = path.extname(sourceFile).toLowerCase().replace(/[^.a-z0-9]/g, "") || ".bin";
  const sourcePath = path.posix.join("sources", `${assetId}${ext}`);
  const target = path.join(mediaDir, sourcePath);
  await fs.mkdir(path.dirname(target), { recursive: true });
  if (options.move) await moveFile(sourceFile, target);
  else await fs.copyFile(sourceFile, target);
  try {
    const { job } = await insertAssetWithJob({ id: assetId, sourcePath, directory: path.posix.join("assets", assetId) });
    return { assetId, jobId: job.id };
  } catch (error) {
    if (options.move) await moveFile(target, sourceFile).catch(() => undefined);
    else await fs.rm(target, { force: true });
    throw error;
  }
}

async function moveFile(from: string, to: string) {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await fs.copyFile(from, to); // another filesystem
    await fs.rm(from);
  }
}

export async function getAsset(assetId: string): Promise<MediaAsset | undefined> {
  return findAsset(assetId);
}

async function requireAsset(assetId: string): Promise<MediaAsset> {
  const asset = await findAsset(assetId);
  if (!asset) throw new ApiError("not_found", `No media asset ${assetId}.`);
  return asset;
}

/** Absolute path of a file inside an asset's directory. */
export function assetFilePath(asset: Pick<MediaAsset, "directory">, relative: string): string {
  return path.join(mediaDir, asset.directory, relative);
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Writes a WebVTT subtitle track for `language` (BCP 47) into the asset directory; replaces an earlier one. */
export async function attachSubtitle(assetId: string, track: { language: string; label: string; vtt: string }): Promise<void> {
  if (!LANGUAGE.test(track.language)) throw new ApiError("validation_failed", `"${track.language}" is not a BCP 47 language tag.`);
  if (!/^\uFEFF?WEBVTT(?=$|[ \t\r\n])/.test(track.vtt)) throw new ApiError("validation_failed", "Subtitles must be WebVTT (start with WEBVTT).");
  const asset = await requireAsset(assetId);
  const relative = path.posix.join("subtitles", `${track.language}.vtt`);
  const file = assetFilePath(asset, relative);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(`${file}.partial`, track.vtt);
  await fs.rename(`${file}.partial`, file);
  await upsertSubtitle({ assetId, language: track.language, label: track.label, path: relative });
}

export async function getSubtitles(assetId: string): Promise<Subtitle[]> {
  return listSubtitles(assetId);
}

/** Sets intro/credits markers (seconds); a marker given as undefined is left as it is. */
export async function setMarkers(
  assetId: string,
  markers: { introStartSeconds?: number; introEndSeconds?: number; creditsStartSeconds?: number },
): Promise<void> {
  const values: Markers = Object.fromEntries(Object.entries(markers).filter(([, v]) => v !== undefined));
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new ApiError("validation_failed", `${name} must be a number of seconds ≥ 0.`);
    }
  }
  const asset = await requireAsset(assetId);
  const introStart = values.introStartSeconds ?? asset.introStartSeconds;
  const introEnd = values.introEndSeconds ?? asset.introEndSeconds;
  if (introStart != null && introEnd != null && introEnd <= introStart) {
    throw new ApiError("validation_failed", "The intro must end after it starts.");
  }
  if (Object.keys(values).length > 0) await updateAssetMarkers(assetId, values);
}

/** Seconds left, extrapolated from the time since the attempt started and the percent done. */
export function estimateEtaSeconds(job: Pick<TranscodeJob, "stage" | "percent" | "startedAt">, now = Date.now()): number | undefined {
  if (!jobs.RUNNING_STAGES.some((stage) => stage === job.stage) || !job.startedAt || job.percent < 1) return undefined;
  const elapsed = (now - job.startedAt.getTime()) / 1000;
  return Math.max(0, Math.round((elapsed * (100 - job.percent)) / job.percent));
}

const view = (job: TranscodeJob): JobView => ({ ...job, etaSeconds: estimateEtaSeconds(job) });

export async function getJob(jobId: string): Promise<JobView | undefined> {
  const job = await jobs.findJob(jobId);
  return job && view(job);
}

export async function listJobs(filter: { stage?: TranscodeJob["stage"]; assetId?: string; limit?: number } = {}): Promise<JobView[]> {
  return (await jobs.listJobs(filter)).map(view);
}

/** Requeues a failed or canceled job; throws when the job is not in one of those stages. */
export async function retryJob(jobId: string): Promise<JobView> {
  const job = await jobs.retryJob(jobId);
  if (job) return view(job);
  await requireJob(jobId);
  throw new ApiError("conflict", "Only failed or canceled jobs can be retried.");
}

/** Cancels a queued or running job (a running ffmpeg is killed within a heartbeat); throws when it already ended. */
export async function cancelJob(jobId: string): Promise<JobView> {
  const job = await jobs.cancelJob(jobId);
  if (job) return view(job);
  await requireJob(jobId);
  throw new ApiError("conflict", "Only queued or running jobs can be canceled.");
}

async function requireJob(jobId: string): Promise<TranscodeJob> {
  const job = await jobs.findJob(jobId);
  if (!job) throw new ApiError("not_found", `No transcode job ${jobId}.`);
  return job;
}
