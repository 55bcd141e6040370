import "server-only";
import {
  addToWatchlist,
  hideFromContinueWatching,
  listContinueWatching,
  listHistory,
  listRatings,
  listWatchlist,
  listWatchlistIds,
  removeFromHistory,
  removeFromWatchlist,
  setRating,
  type HistoryStatus,
  type HistoryTarget,
  type RatingValue,
  type TitleFields,
  type TitleKind,
} from "@/db/queries/lists";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { artworkUrl, type Page } from "@/lib/catalog/catalog";
import { forgetViewing } from "@/lib/catalog/cache";

// Continue watching, history, the watchlist and ratings of the viewer's profile.

/** The title fields every list item starts with (as in the catalog's lists). */
export function titleSummary(row: TitleFields) {
  return {
    type: row.kind,
    id: row.id,
    title: row.title,
    synopsis: row.synopsis,
    year: row.year,
    maturity_rating: row.maturity_rating,
    genres: row.genres,
    poster_url: artworkUrl(row.poster_path),
    backdrop_url: artworkUrl(row.backdrop_path),
    ...(row.kind === "movie" ? { runtime_seconds: row.runtime_seconds } : {}),
  };
}

type EpisodeColumns = { season: number | null; episode: number | null; episode_title: string | null; still_path: string | null };
type ProgressColumns = { progress_seconds: number; duration_seconds: number | null; updated_at: string };

function progressFields(row: EpisodeColumns & ProgressColumns) {
  const { progress_seconds: progress, duration_seconds: duration } = row;
  return {
    ...(row.season !== null && row.episode !== null
      ? { episode: { season: row.season, episode: row.episode, title: row.episode_title, still_url: artworkUrl(row.still_path) } }
      : {}),
    progress_seconds: progress,
    duration_seconds: duration,
    percent: duration ? Math.min(100, Math.round((100 * progress) / duration)) : null,
    updated_at: row.updated_at,
  };
}

const notFound = (kind: TitleKind) =>
  kind === "movie" ? new ApiError("movie_not_found", "There is no movie with this id.") : new ApiError("show_not_found", "There is no show with this id.");

const pageOf = <T>(items: T[], total: number, page: Page) => ({ items, total, limit: page.limit, offset: page.offset });

export async function getContinueWatching({ profile }: Viewer, limit: number) {
  const rows = await listContinueWatching(profile, limit);
  return { items: rows.map((row) => ({ ...titleSummary(row), ...progressFields(row) })) };
}

export async function hideContinueWatching({ profile }: Viewer, titleId: string) {
  if (!(await hideFromContinueWatching(profile, titleId))) {
    throw new ApiError("not_in_continue_watching", "This title is not on the profile's continue watching row.");
  }
}

export async function getHistory({ profile }: Viewer, page: Page & { status?: HistoryStatus }) {
  const { rows, total } = await listHistory(profile, page.status, page.limit, page.offset);
  const items = rows.map((row) => ({ ...titleSummary(row), item_id: row.item_id, kind: row.item_kind, watched: row.watched, ...progressFields(row) }));
  return pageOf(items, total, page);
}

/** Forgets the profile's progress on a movie, an episode or a whole show: gone from history and continue watching. */
export async function removeHistoryItem({ profile }: Viewer, target: HistoryTarget) {
  if (!(await removeFromHistory(profile, target))) {
    throw new ApiError("not_in_history", `The profile's history has no such ${target.type}.`);
  }
}

export async function getWatchlist({ profile }: Viewer, page: Page) {
  const { rows, total } = await listWatchlist(profile, page.limit, page.offset);
  return pageOf(
    rows.map((row) => ({ ...titleSummary(row), added_at: row.added_at })),
    total,
    page,
  );
}

/** Which titles are on the profile's watchlist, for marking cards. */
export async function watchlistIds({ profile }: Viewer): Promise<Set<string>> {
  return new Set(await listWatchlistIds(profile));
}

export async function addWatchlistTitle({ profile }: Viewer, kind: TitleKind, titleId: string) {
  const row = await addToWatchlist(profile, kind, titleId);
  if (!row) throw notFound(kind);
  return { ...titleSummary(row), added_at: row.added_at };
}

export async function removeWatchlistTitle({ profile }: Viewer, kind: TitleKind, titleId: string) {
  if (!(await removeFromWatchlist(profile, kind, titleId))) {
    throw new ApiError("not_on_watchlist", "This title is not on the profile's watchlist.");
  }
}

export async function getRatings({ profile }: Viewer, rating: RatingValue | undefined, page: Page) {
  const { rows, total } = await listRatings(profile, rating, page.limit, page.offset);
  return pageOf(
    rows.map((row) => ({ ...titleSummary(row), rating: row.rating, updated_at: row.updated_at })),
    total,
    page,
  );
}

export async function rateTitle({ profile }: Viewer, kind: TitleKind, titleId: string, rating: RatingValue | null) {
  const stored = await setRating(profile, kind, titleId, rating);
  forgetViewing(); // the sort by rating (lib/catalog/cache.ts)
  if (stored === undefined) throw notFound(kind);
  return { type: kind, id: titleId, rating: stored?.rating ?? null, updated_at: stored?.updated_at ?? null };
}
