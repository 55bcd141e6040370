import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  claimNextJob,
  completeJob,
  failAttempt,
  findJob,
  releaseJob,
  reportProgress,
  requeueStaleJobs,
  type RunningStage,
} from "@/db/queries/jobs";
import type { MediaAsset, TranscodeJob } from "@/db/schema/media";
import { startIngestSupervisor } from "@/lib/channels/ingest/supervisor";
import { env, mediaDir } from "@/lib/env";
import { PermanentMediaError } from "./probe";
import { transcode, TranscodeError, type Preset } from "./transcode";

// The transcode worker: a loop that claims queued jobs (FOR UPDATE SKIP LOCKED), runs each in a private staging
// directory, heartbeats stage and percent, and publishes the output and the ready asset in one transaction. Runs in
// the server process (WORKER_IN_PROCESS) and in `npm run worker` processes; any number can share one PostgreSQL.
// Beside the queue, every worker runs live channels' ingests (a lease per channel, so each runs on one worker).

export type WorkerOptions = {
  concurrency?: number;
  workerId?: string;
  pollIntervalMs?: number;
  log?: (line: string) => void;
  /** How often a running job reports (default: a quarter of the heartbeat timeout, at most 3 s). */
  heartbeatIntervalMs?: number;
  heartbeatTimeoutSeconds?: number;
  preset?: Preset;
  /** Also run live channels' ingests (lib/channels/ingest/), as every worker does unless told not to. */
  liveIngest?: boolean;
};

const STOPPING = new Error("the worker is stopping");
const LOST = new Error("the job is no longer this worker's");
const PROGRESS_LOG_INTERVAL_MS = 5_000;

const short = (id: string) => id.slice(0, 8);

export function startWorker(options: WorkerOptions = {}): { stop(): Promise<void> } {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const concurrency = options.concurrency ?? env.WORKER_CONCURRENCY;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const timeoutSeconds = options.heartbeatTimeoutSeconds ?? env.JOB_HEARTBEAT_TIMEOUT_SECONDS;
  const heartbeatMs = options.heartbeatIntervalMs ?? Math.min(3_000, Math.max(200, (timeoutSeconds * 1000) / 4));
  const log = options.log ?? ((line: string) => console.log(line));
  const running = new Map<string, AbortController>();
  let stopping = false;
  let wakeUp = () => {};

  async function runJob(job: TranscodeJob, asset: MediaAsset): Promise<void> {
    const id = short(job.id);
    const controller = new AbortController();
    running.set(job.id, controller);
    if (stopping) controller.abort(STOPPING);
    const staging = path.join(mediaDir, "tmp", `${job.id}.${job.attempts}`);
    const started = Date.now();
    let stage: RunningStage = "probing";
    let percent = 0;
    let lastProgressLog = started;

    // Heartbeats and stage changes go out one at a time; a refused one means canceled or taken over: stop ffmpeg.
    let writes = Promise.resolve();
    const report = () => {
      writes = writes
        .then(async () => {
          if (controller.signal.aborted) return;
          if (!(await reportProgress(job.id, workerId, { stage, percent }))) controller.abort(LOST);
        })
        .catch((error: Error) => log(`transcode ${id}: could not report progress: ${error.message}`));
    };
    const heartbeat = setInterval(report, heartbeatMs);

    try {
      await removeStagingOf(job.id);
      log(`transcode ${id}: started (attempt ${job.attempts} of ${job.maxAttempts}, worker ${workerId})`);
      if (!asset.sourcePath) throw new PermanentMediaError("The asset has no source file.");
      const source = path.join(mediaDir, asset.sourcePath);
      if (!(await fs.stat(source).catch(() => undefined))) throw new PermanentMediaError(`The source file ${asset.sourcePath} is missing.`);
      const result = await transcode(source, staging, {
        preset: options.preset,
        signal: controller.signal,
        onStage: (next) => {
          stage = next;
          report();
          if (next !== "probing") log(`transcode ${id}: ${next}`);
        },
        onProgress: (value) => {
          percent = Math.round(value * 10) / 10;
          const now = Date.now();
          if (now - lastProgressLog < PROGRESS_LOG_INTERVAL_MS || percent < 1) return;
          lastProgressLog = now;
          const eta = Math.round((((now - started) / 1000) * (100 - percent)) / percent);
          log(`transcode ${id}: ${stage} ${Math.floor(percent)}% (eta ${eta}s)`);
        },
      });
      clearInterval(heartbeat);
      await writes;
      // A stop requested now still lets the finished output be published; a lost job must not be.
      if (controller.signal.reason === LOST) throw LOST;
      const { durationSeconds, width, height, renditions, audioTracks, thumbnailsVtt, log: ffmpegLog } = result;
      const published = await completeJob(
        job.id,
        workerId,
        { durationSeconds, width, height, renditions, audioTracks, thumbnailsVtt, log: ffmpegLog },
        () => publish(staging, path.join(mediaDir, asset.directory)),
      );
      if (!published) throw LOST;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const languages = audioTracks.length > 1 ? `; audio ${audioTracks.map((t) => t.language).join(", ")}` : "";
      log(`transcode ${id}: ready in ${seconds}s (${renditions.map((r) => r.name).join(", ")}${languages})`);
    } catch (error) {
      clearInterval(heartbeat);
      await writes;
      await fs.rm(staging, { recursive: true, force: true });
      await settleFailure(job, error === LOST || !controller.signal.aborted ? error : controller.signal.reason);
    } finally {
      running.delete(job.id);
    }
  }

  async function settleFailure(job: TranscodeJob, reason: unknown) {
    const id = short(job.id);
    try {
      if (reason === STOPPING) {
        await releaseJob(job.id, workerId);
        log(`transcode ${id}: interrupted, back in the queue`);
      } else if (reason === LOST) {
        const now = await findJob(job.id);
        log(`transcode ${id}: stopped (${now?.stage === "canceled" ? "canceled" : "taken over after a missed heartbeat"})`);
      } else {
        const error = reason instanceof Error ? reason : new Error(String(reason));
        const ffmpegLog = error instanceof TranscodeError || error instanceof PermanentMediaError ? error.log : "";
        const retry = !(error instanceof PermanentMediaError);
        const stage = await failAttempt(job.id, workerId, { error: error.message, log: ffmpegLog, retry });
        log(`transcode ${id}: ${stage === "queued" ? "attempt failed, requeued" : "failed"}: ${error.message}`);
      }
    } catch (error) {
      // The database is unreachable: the job's heartbeat will go stale and another pass will requeue it.
      log(`transcode ${id}: could not record the outcome: ${(error as Error).message}`);
    }
  }

  const ingest = options.liveIngest === false ? undefined : startIngestSupervisor({ workerId, log });

  const loop = (async () => {
    while (!stopping) {
      try {
        for (const job of await requeueStaleJobs(timeoutSeconds)) {
          log(`transcode ${short(job.id)}: ${job.error} ${job.stage === "queued" ? "Requeued." : "Failed: no attempts left."}`);
        }
        while (!stopping && running.size < concurrency) {
          const claimed = await claimNextJob(workerId);
          if (!claimed) break;
          void runJob(claimed.job, claimed.asset).finally(() => wakeUp());
        }
      } catch (error) {
        log(`transcode worker: ${(error as Error).message}`);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    async stop() {
      stopping = true;
      const jobs = [...running.values()];
      for (const controller of jobs) controller.abort(STOPPING);
      wakeUp();
      await Promise.all([loop, ingest?.stop()]);
      // Wait for each running job to hand itself back (ffmpeg killed, staging removed, job requeued).
      while (running.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

async function removeStagingOf(jobId: string) {
  const tmp = path.join(mediaDir, "tmp");
  const leftovers = (await fs.readdir(tmp).catch(() => [])).filter((name) => name.startsWith(`${jobId}.`));
  await Promise.all(leftovers.map((name) => fs.rm(path.join(tmp, name), { recursive: true, force: true })));
}

/** Moves the staged output into the asset directory, replacing earlier output but keeping e.g. subtitles/. */
async function publish(staging: string, assetDir: string) {
  await fs.mkdir(assetDir, { recursive: true });
  for (const entry of await fs.readdir(staging)) {
    await fs.rm(path.join(assetDir, entry), { recursive: true, force: true });
    await fs.rename(path.join(staging, entry), path.join(assetDir, entry));
  }
  await fs.rm(staging, { recursive: true, force: true });
}
