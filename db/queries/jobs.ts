import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { db, type Transaction } from "../client";
import { mediaAssets, transcodeJobs, type MediaAsset, type TranscodeJob } from "../schema";

// Transcode jobs: claimed with FOR UPDATE SKIP LOCKED so two workers never take the same one; every write by a worker
// is guarded by (id, worker_id, running stage), so a worker that lost its job (canceled, or requeued after its
// heartbeat went stale) can never overwrite what happened since.

export type JobStage = TranscodeJob["stage"];
export const RUNNING_STAGES = ["probing", "encoding", "thumbnails"] as const satisfies JobStage[];
export type RunningStage = (typeof RUNNING_STAGES)[number];

const owned = (jobId: string, workerId: string) =>
  and(eq(transcodeJobs.id, jobId), eq(transcodeJobs.workerId, workerId), inArray(transcodeJobs.stage, RUNNING_STAGES));

export async function findJob(jobId: string): Promise<TranscodeJob | undefined> {
  const [row] = await db().select().from(transcodeJobs).where(eq(transcodeJobs.id, jobId));
  return row;
}

export async function listJobs(filter: { stage?: JobStage; assetId?: string; limit?: number } = {}): Promise<TranscodeJob[]> {
  return db()
    .select()
    .from(transcodeJobs)
    .where(
      and(
        filter.stage ? eq(transcodeJobs.stage, filter.stage) : undefined,
        filter.assetId ? eq(transcodeJobs.assetId, filter.assetId) : undefined,
      ),
    )
    .orderBy(desc(transcodeJobs.createdAt), asc(transcodeJobs.id))
    .limit(filter.limit ?? 100);
}

/** Takes the oldest queued job for `workerId`, or undefined when there is none (or all are being taken). */
export async function claimNextJob(workerId: string): Promise<{ job: TranscodeJob; asset: MediaAsset } | undefined> {
  return db().transaction(async (tx) => {
    const [next] = await tx
      .select({ id: transcodeJobs.id })
      .from(transcodeJobs)
      .where(eq(transcodeJobs.stage, "queued"))
      .orderBy(asc(transcodeJobs.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return undefined;
    const [job] = await tx
      .update(transcodeJobs)
      .set({
        stage: "probing",
        attempts: sql`${transcodeJobs.attempts} + 1`,
        percent: 0,
        workerId,
        heartbeatAt: sql`now()`,
        startedAt: sql`now()`,
        finishedAt: null,
        updatedAt: sql`now()`,
      })
      .where(eq(transcodeJobs.id, next.id))
      .returning();
    const [asset] = await tx
      .update(mediaAssets)
      .set({ status: "processing", error: null, updatedAt: sql`now()` })
      .where(eq(mediaAssets.id, job.assetId))
      .returning();
    return { job, asset };
  });
}

/** Heartbeat with the current stage and percent; false when the job is no longer this worker's to run. */
export async function reportProgress(jobId: string, workerId: string, progress: { stage: RunningStage; percent: number }) {
  const rows = await db()
    .update(transcodeJobs)
    .set({ ...progress, heartbeatAt: sql`now()`, updatedAt: sql`now()` })
    .where(owned(jobId, workerId))
    .returning({ id: transcodeJobs.id });
  return rows.length > 0;
}

export type CompletedAsset = Pick<MediaAsset, "durationSeconds" | "width" | "height" | "renditions" | "audioTracks" | "thumbnailsVtt">;

/**
 * Marks the job and its asset ready in one transaction, after `publish` (which puts the files in place) ran with the
 * job row locked. False, without calling `publish`, when the job is no longer this worker's.
 */
export async function completeJob(
  jobId: string,
  workerId: string,
  result: CompletedAsset & { log: string },
  publish: () => Promise<void>,
): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [job] = await tx.select().from(transcodeJobs).where(owned(jobId, workerId)).for("update");
    if (!job) return false;
    await publish();
    const { log, ...asset } = result;
    await tx
      .update(transcodeJobs)
      .set({ stage: "ready", percent: 100, error: null, log, heartbeatAt: sql`now()`, finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(transcodeJobs.id, jobId));
    await tx
      .update(mediaAssets)
      .set({ ...asset, status: "ready", error: null, updatedAt: sql`now()` })
      .where(eq(mediaAssets.id, job.assetId));
    return true;
  });
}

/**
 * Ends a failed attempt: back to the queue while attempts remain and `retry` is true, else failed (with its asset).
 * Returns the job's new stage, or undefined when it was no longer this worker's.
 */
export async function failAttempt(
  jobId: string,
  workerId: string,
  failure: { error: string; log: string; retry: boolean },
): Promise<JobStage | undefined> {
  return db().transaction(async (tx) => {
    const requeue = sql`(${failure.retry} and ${transcodeJobs.attempts} < ${transcodeJobs.maxAttempts})`;
    const [job] = await tx
      .update(transcodeJobs)
      .set({
        stage: sql`case when ${requeue} then 'queued' else 'failed' end::job_stage`,
        error: sql`case when ${requeue} then 'Attempt ' || ${transcodeJobs.attempts} || ' failed: ' || ${failure.error} else ${failure.error} end`,
        log: failure.log,
        workerId: null,
        heartbeatAt: null,
        finishedAt: sql`case when ${requeue} then null else now() end`,
        updatedAt: sql`now()`,
      })
      .where(owned(jobId, workerId))
      .returning();
    if (!job) return undefined;
    await setAssetAfterJob(tx, job);
    return job.stage;
  });
}

/** A stopping worker hands its job back to the queue; the interrupted attempt does not count. */
export async function releaseJob(jobId: string, workerId: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [job] = await tx
      .update(transcodeJobs)
      .set({
        stage: "queued",
        attempts: sql`greatest(${transcodeJobs.attempts} - 1, 0)`,
        percent: 0,
        workerId: null,
        heartbeatAt: null,
        updatedAt: sql`now()`,
      })
      .where(owned(jobId, workerId))
      .returning();
    if (job) await setAssetAfterJob(tx, job);
    return Boolean(job);
  });
}

/** Running jobs whose worker has been silent for `timeoutSeconds`: requeued, or failed after their last attempt. */
export async function requeueStaleJobs(timeoutSeconds: number): Promise<TranscodeJob[]> {
  return db().transaction(async (tx) => {
    const lastAttempt = sql`${transcodeJobs.attempts} >= ${transcodeJobs.maxAttempts}`;
    const message = sql`'Attempt ' || ${transcodeJobs.attempts} || ' stopped reporting (its worker died or hung).'`;
    const jobs = await tx
      .update(transcodeJobs)
      .set({
        stage: sql`case when ${lastAttempt} then 'failed' else 'queued' end::job_stage`,
        error: message,
        workerId: null,
        heartbeatAt: null,
        finishedAt: sql`case when ${lastAttempt} then now() else null end`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          inArray(transcodeJobs.stage, RUNNING_STAGES),
          lt(transcodeJobs.heartbeatAt, sql`now() - make_interval(secs => ${timeoutSeconds}::float8)`),
        ),
      )
      .returning();
    for (const job of jobs) await setAssetAfterJob(tx, job);
    return jobs;
  });
}

/** Cancels a queued or running job (its worker notices at its next heartbeat); undefined when it was neither. */
export async function cancelJob(jobId: string): Promise<TranscodeJob | undefined> {
  return db().transaction(async (tx) => {
    const [job] = await tx
      .update(transcodeJobs)
      .set({ stage: "canceled", error: "Canceled.", finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(transcodeJobs.id, jobId), inArray(transcodeJobs.stage, ["queued", ...RUNNING_STAGES])))
      .returning();
    if (job) await setAssetAfterJob(tx, job);
    return job;
  });
}

/** Puts a failed or canceled job back in the queue with a fresh set of attempts; undefined when it was neither. */
export async function retryJob(jobId: string): Promise<TranscodeJob | undefined> {
  return db().transaction(async (tx) => {
    const [job] = await tx
      .update(transcodeJobs)
      .set({
        stage: "queued",
        attempts: 0,
        percent: 0,
        error: null,
        workerId: null,
        heartbeatAt: null,
        startedAt: null,
        finishedAt: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(transcodeJobs.id, jobId), inArray(transcodeJobs.stage, ["failed", "canceled"])))
      .returning();
    if (job) await setAssetAfterJob(tx, job);
    return job;
  });
}

/** The asset's status follows its job: pending while queued, failed (with the job's error) when it ends badly. */
async function setAssetAfterJob(tx: Transaction, job: TranscodeJob) {
  const status = job.stage === "queued" ? "pending" : job.stage === "failed" || job.stage === "canceled" ? "failed" : undefined;
  if (!status) return;
  const error = job.stage === "canceled" ? "Transcoding was canceled." : status === "failed" ? job.error : null;
  await tx
    .update(mediaAssets)
    .set({ status, error, updatedAt: sql`now()` })
    .where(and(eq(mediaAssets.id, job.assetId), sql`${mediaAssets.status} <> 'ready'`));
}
