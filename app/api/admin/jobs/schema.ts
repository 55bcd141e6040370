import { z } from "zod";
import { jobStage } from "@/db/schema/media";
import { endpoint } from "@/lib/api/endpoint";

const JOB_STAGES = jobStage.enumValues;
const tag = "Admin: transcode jobs";
const jobId = z.object({ job_id: z.guid() });

const job = z.object({
  id: z.guid(),
  asset_id: z.guid(),
  label: z.string().nullable().describe("The movie or episode this video plays as, once linked."),
  stage: z.enum(JOB_STAGES),
  percent: z.number().describe("Progress of the current stage's attempt, 0–100."),
  eta_seconds: z.number().nullable().describe("Extrapolated from the time spent so far; null when not running."),
  attempts: z.number().int(),
  max_attempts: z.number().int(),
  error: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  updated_at: z.string(),
});
const jobWithLog = job.extend({ log: z.string().nullable().describe("The end of ffmpeg's output for the last attempt.") });

const queueFilter = z.object({
  stage: z.enum(JOB_STAGES).optional(),
  asset_id: z.guid().optional().describe("Only this video's jobs."),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const queue = z.object({ items: z.array(job) });

export const listJobsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/jobs",
  summary: "The transcode queue, newest first",
  tag,
  auth: "admin",
  query: queueFilter,
  response: queue,
  errors: ["forbidden", "validation_failed"],
});

export const jobEventsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/jobs/events",
  summary: "The transcode queue as server-sent events, live",
  description:
    "A `text/event-stream`: a `jobs` event whose data is the same list as GET /api/admin/jobs (same filters), sent at once " +
    "and again whenever a job changes on any worker; comment lines as heartbeats. The server ends the stream after a few " +
    "minutes; EventSource reconnects by itself.",
  tag,
  auth: "admin",
  query: queueFilter,
  response: queue,
  contentType: "text/event-stream",
  errors: ["forbidden", "validation_failed"],
});

export const getJobEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/jobs/{job_id}",
  summary: "One transcode job: stage, percent, ETA and its log",
  tag,
  auth: "admin",
  params: jobId,
  response: jobWithLog,
  errors: ["forbidden", "not_found", "validation_failed"],
});

export const retryJobEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/jobs/{job_id}/retry",
  summary: "Queue a failed or canceled job again, with fresh attempts",
  tag,
  auth: "admin",
  params: jobId,
  response: jobWithLog,
  errors: ["forbidden", "not_found", "conflict", "validation_failed"],
});

export const cancelJobEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/jobs/{job_id}/cancel",
  summary: "Cancel a queued or running job (a running ffmpeg stops within a heartbeat)",
  tag,
  auth: "admin",
  params: jobId,
  response: jobWithLog,
  errors: ["forbidden", "not_found", "conflict", "validation_failed"],
});
