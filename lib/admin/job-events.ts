import "server-only";
import type { Principal } from "@/lib/accounts/sessions";
import { eventStream } from "@/lib/realtime";
import { requireAdmin } from "./guard";
import { listQueue, type JobStage } from "./jobs";

// The jobs view's live feed, on lib/realtime/. A trigger on transcode_jobs publishes a `job_changed` event on this
// topic (migration 0015), so a job moved by a worker in another process or on another machine reaches every app
// instance. The feed is a snapshot feed: each stream re-reads its own filtered list after events, not the events.

/** Written by the notify_job_changed() trigger. */
export const JOBS_TOPIC = "admin.jobs";
/** Coalesces a burst (every running job reports every few seconds) into one read. */
const DEBOUNCE_MS = 250;
/** Streams end after this long; EventSource reconnects by itself, which re-checks that the caller is still admin. */
const MAX_STREAM_MS = 5 * 60_000;

/** A `text/event-stream` response: a `jobs` event with the list now and after every change, heartbeat comments between. */
export async function streamJobEvents(principal: Principal | undefined, filter: { stage?: JobStage; asset_id?: string; limit: number }, signal: AbortSignal) {
  requireAdmin(principal);
  return eventStream({
    topics: [JOBS_TOPIC],
    signal,
    lifetimeMs: MAX_STREAM_MS,
    snapshot: { event: "jobs", read: () => listQueue(principal, filter), debounceMs: DEBOUNCE_MS },
  });
}
