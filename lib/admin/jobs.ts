import "server-only";
import { labelsForAssets } from "@/db/queries/admin-jobs";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { cancelJob, getJob, listJobs, retryJob, type JobView } from "@/lib/media/assets";
import { requireAdmin } from "./guard";

// The transcode queue as administrators see it: stage, percent, ETA, failures with their ffmpeg log; retry, cancel.

export type JobStage = JobView["stage"];

function describe(job: JobView, label: string | undefined, withLog: boolean) {
  return {
    id: job.id,
    asset_id: job.assetId,
    label: label ?? null,
    stage: job.stage,
    percent: Math.round(job.percent * 10) / 10,
    eta_seconds: job.etaSeconds ?? null,
    attempts: job.attempts,
    max_attempts: job.maxAttempts,
    error: job.error,
    ...(withLog ? { log: job.log } : {}),
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    finished_at: job.finishedAt?.toISOString() ?? null,
    updated_at: job.updatedAt.toISOString(),
  };
}

export type AdminJobView = ReturnType<typeof describe>;

async function withLabels(jobs: JobView[], withLog: boolean) {
  const labels = await labelsForAssets([...new Set(jobs.map((job) => job.assetId))]);
  return jobs.map((job) => describe(job, labels.get(job.assetId), withLog));
}

export async function listQueue(principal: Principal | undefined, filter: { stage?: JobStage; asset_id?: string; limit: number }) {
  requireAdmin(principal);
  return { items: await withLabels(await listJobs({ stage: filter.stage, assetId: filter.asset_id, limit: filter.limit }), false) };
}

export async function getJobStatus(principal: Principal | undefined, jobId: string) {
  requireAdmin(principal);
  const job = await getJob(jobId);
  if (!job) throw new ApiError("not_found", `No transcode job ${jobId}.`);
  return (await withLabels([job], true))[0];
}

export async function retryQueuedJob(principal: Principal | undefined, jobId: string) {
  requireAdmin(principal);
  return (await withLabels([await retryJob(jobId)], true))[0];
}

export async function cancelQueuedJob(principal: Principal | undefined, jobId: string) {
  requireAdmin(principal);
  return (await withLabels([await cancelJob(jobId)], true))[0];
}
