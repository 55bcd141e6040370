import "server-only";
import { insertProgress, readProgress, updateProgress, type ItemRef, type ProgressOutcome } from "@/db/queries/progress";
import { assertViewingTimeLeft } from "@/lib/access/kids-controls";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { forgetViewing } from "@/lib/catalog/cache";

// The contract's watch progress: GET reads, POST creates (409 when it exists), PUT updates (404 before a POST).

export type ProgressTarget =
  | { kind: "movie_watch_progress"; movie_id: string }
  | { kind: "tv_show_watch_progress"; tv_show_id: string; tv_show_season: number; tv_show_episode: number };

export type ProgressWrite = { progress: number; client_timestamp?: Date };

// A client clock far ahead would otherwise freeze the position until that time.
const MAX_CLOCK_SKEW_MS = 60_000;

function itemRef(target: ProgressTarget): ItemRef {
  return target.kind === "movie_watch_progress"
    ? { kind: "movie", movieId: target.movie_id }
    : { kind: "episode", showId: target.tv_show_id, season: target.tv_show_season, episode: target.tv_show_episode };
}

function clientTime(write: ProgressWrite): Date {
  const now = Date.now();
  return new Date(Math.min(write.client_timestamp?.getTime() ?? now, now + MAX_CLOCK_SKEW_MS));
}

function ensureFound(outcome: ProgressOutcome, target: ProgressTarget): ProgressOutcome {
  if (!outcome.profile_found) throw new ApiError("profile_not_found", "This account has no profile with that name.");
  // Titles the profile may not see do not exist for it.
  if (!outcome.item_found) {
    throw target.kind === "movie_watch_progress"
      ? new ApiError("movie_not_found", "There is no movie with this id.")
      : new ApiError("episode_not_found", "That show has no such episode.");
  }
  return outcome;
}

const view = (outcome: ProgressOutcome) => ({ progress: outcome.position, watched: outcome.watched ?? false });

export async function getProgress({ profile }: Viewer, target: ProgressTarget) {
  return view(ensureFound(await readProgress(profile, itemRef(target)), target));
}

// Writes are refused once a kids-controlled profile has used its viewing time for the day (lib/access/kids-controls.ts).
export async function createProgress(viewer: Viewer, target: ProgressTarget, write: ProgressWrite) {
  const { profile } = viewer;
  await assertViewingTimeLeft(viewer);
  const outcome = ensureFound(
    await insertProgress(profile, itemRef(target), { positionSeconds: write.progress, clientUpdatedAt: clientTime(write) }),
    target,
  );
  if (!outcome.applied) throw new ApiError("progress_exists", "Progress for this item exists already: update it with PUT.");
  return view(outcome);
}

/** Applies the write unless a newer one (by client timestamp) is stored; `applied` says which happened. */
export async function setProgress(viewer: Viewer, target: ProgressTarget, write: ProgressWrite) {
  const { profile } = viewer;
  await assertViewingTimeLeft(viewer);
  const outcome = ensureFound(
    await updateProgress(profile, itemRef(target), { positionSeconds: write.progress, clientUpdatedAt: clientTime(write) }),
    target,
  );
  if (!outcome.existed) throw new ApiError("progress_not_found", "There is no progress for this item yet: create it with POST.");
  // An applied update may add watch time to the title's trending scores (lib/catalog/cache.ts).
  if (outcome.applied) forgetViewing();
  return { ...view(outcome), applied: outcome.applied };
}
