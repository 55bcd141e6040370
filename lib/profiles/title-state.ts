import "server-only";
import { findTitleState, type ItemProgressRow } from "@/db/queries/title-state";
import type { Viewer } from "@/lib/access/rules";

// A profile's relation to one title, for its page: on the watchlist, thumbs, where it stopped, and what to play.

export type ItemProgress = {
  position_seconds: number;
  duration_seconds: number | null;
  /** 0–100, or null when the length is unknown. */
  percent: number | null;
  watched: boolean;
};

export type EpisodeRef = { season: number; episode: number };

/** What a title page's play button does: start, resume, or go on to the episode after the last one finished. */
export type PlayTarget = EpisodeRef & { action: "play" | "resume" | "next"; position_seconds: number };

export type TitleState = {
  on_watchlist: boolean;
  rating: "up" | "down" | null;
  /** The movie's progress (movies only). */
  movie: ItemProgress | null;
  /** Progress per episode, keyed by `episodeKey`. */
  episodes: Record<string, ItemProgress>;
  /** The episode watched last, if any (shows only). */
  last_episode: (EpisodeRef & ItemProgress) | null;
};

export const episodeKey = (ref: EpisodeRef) => `${ref.season}:${ref.episode}`;

// Seconds a viewer must have watched before "resume" beats "play from the start".
const RESUME_MIN_SECONDS = 10;

function itemProgress(row: ItemProgressRow): ItemProgress {
  const duration = row.duration_seconds;
  return {
    position_seconds: row.position_seconds,
    duration_seconds: duration,
    percent: row.watched ? 100 : duration ? Math.min(100, Math.round((100 * row.position_seconds) / duration)) : null,
    watched: row.watched,
  };
}

const isUuid = (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);

/** The profile's state for a title it may see; undefined for a title it may not see or that does not exist. */
export async function getTitleState({ profile }: Viewer, titleId: string): Promise<TitleState | undefined> {
  if (!isUuid(titleId)) return undefined;
  const row = await findTitleState(profile, titleId);
  if (!row) return undefined;
  const episodes: Record<string, ItemProgress> = {};
  let movie: ItemProgress | null = null;
  let last: TitleState["last_episode"] = null;
  // Rows come newest first.
  for (const progress of row.progress) {
    if (progress.season === null || progress.episode === null) {
      movie = itemProgress(progress);
      continue;
    }
    const ref = { season: progress.season, episode: progress.episode };
    episodes[episodeKey(ref)] = itemProgress(progress);
    last ??= { ...ref, ...itemProgress(progress) };
  }
  return { on_watchlist: row.on_watchlist, rating: row.rating, movie, episodes, last_episode: last };
}

/** Where a movie's play button starts: at the stored position unless it is barely started or finished. */
export function movieStart(progress: ItemProgress | null): { action: "play" | "resume"; position_seconds: number } {
  return progress && !progress.watched && progress.position_seconds >= RESUME_MIN_SECONDS
    ? { action: "resume", position_seconds: progress.position_seconds }
    : { action: "play", position_seconds: 0 };
}

/**
 * The show's play button, as continue watching does it: resume the episode watched last, or after a finished one the
 * next episode in airing order; with no progress (or nothing left) the first episode. Undefined for a show without
 * episodes.
 */
export function showPlayTarget(order: EpisodeRef[], state: Pick<TitleState, "last_episode" | "episodes">): PlayTarget | undefined {
  if (!order.length) return undefined;
  const last = state.last_episode;
  if (last && !last.watched) {
    const resume = last.position_seconds >= RESUME_MIN_SECONDS;
    return { season: last.season, episode: last.episode, action: resume ? "resume" : "play", position_seconds: resume ? last.position_seconds : 0 };
  }
  if (last) {
    const index = order.findIndex((ref) => ref.season === last.season && ref.episode === last.episode);
    const next = order.slice(index + 1).find((ref) => !state.episodes[episodeKey(ref)]?.watched);
    if (next) return { ...next, action: "next", position_seconds: 0 };
  }
  return { ...order[0], action: "play", position_seconds: 0 };
}
