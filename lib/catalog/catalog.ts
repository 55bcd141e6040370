import "server-only";
import {
  findAsset,
  findEpisode,
  findNextEpisode,
  findTitle,
  listCredits,
  listEpisodes,
  listGenresWithCounts,
  listSeasons,
  listTitles,
  type TitleFilter,
  type TitleRow,
  type TitleSort,
} from "@/db/queries/catalog";
import type { Episode } from "@/db/schema";
import type { Audience } from "@/lib/access/visibility";
import { ApiError } from "@/lib/api/errors";
import { titleCommerce } from "@/lib/purchases/purchases";
import type { MaturityRating } from "./maturity";

export type Page = { limit: number; offset: number };

export const artworkUrl = (path: string | null) => (path ? `/artwork/${path}` : null);

function baseItem(row: TitleRow) {
  return {
    type: row.kind,
    id: row.id,
    title: row.title,
    synopsis: row.synopsis,
    year: row.year,
    maturity_rating: row.maturityRating,
    genres: row.genres,
    poster_url: artworkUrl(row.posterPath),
    backdrop_url: artworkUrl(row.backdropPath),
    availability: row.availability ?? "unavailable",
    access: row.access,
    original_language: row.originalLanguage,
    audio_languages: row.audioLanguages,
  };
}

export function titleItem(row: TitleRow) {
  return row.kind === "movie"
    ? { ...baseItem(row), runtime_seconds: row.runtimeSeconds }
    : { ...baseItem(row), season_count: row.seasonCount };
}

export type TitleQuery = { q?: string; genre?: string; year?: number; maturity_rating?: MaturityRating; language?: string };

export function titleFilter(kind: "movie" | "show" | undefined, query: TitleQuery, audience: Audience): TitleFilter {
  return { audience, kind, q: query.q, genre: query.genre, year: query.year, maturityRating: query.maturity_rating, language: query.language };
}

export async function browseTitles(filter: TitleFilter, sort: TitleSort, page: Page) {
  const { rows, total } = await listTitles(filter, sort, page.limit, page.offset);
  return { items: rows.map(titleItem), total, limit: page.limit, offset: page.offset };
}

/** Subtitles, audio tracks and qualities of a playable asset (empty until it is ready). */
async function mediaDetails(assetId: string | null) {
  const asset = assetId ? await findAsset(assetId) : undefined;
  const ready = asset?.status === "ready";
  return {
    subtitles: asset?.subtitles ?? [],
    audio_tracks: ready ? asset.audioTracks : [],
    available_qualities: ready ? [...asset.renditions].sort((a, b) => a.height - b.height).map((r) => r.name) : [],
    duration_seconds: ready ? asset.durationSeconds : null,
  };
}

async function creditsOf(titleId: string) {
  const rows = await listCredits(titleId);
  const person = (role: string) =>
    rows.filter((row) => row.role === role).map((row) => ({ id: row.personId, name: row.name, ...(row.character ? { character: row.character } : {}) }));
  return { cast: person("cast"), directors: person("director"), creators: person("creator") };
}

/** `accountId`: the caller's account, when signed in (its rental or purchase of the title shows as `ownership`). */
export async function getMovie(id: string, audience: Audience, accountId?: string) {
  const row = await findTitle(id, "movie", audience);
  if (!row) throw new ApiError("movie_not_found", "There is no movie with this id.");
  const [people, media, commerce] = await Promise.all([creditsOf(row.id), mediaDetails(row.mediaAssetId), titleCommerce(row, accountId)]);
  return { ...titleItem(row), cast: people.cast, directors: people.directors, ...media, ...commerce };
}

const episodeAvailability = (episode: Episode, statuses: Map<string, string>) => {
  const status = episode.mediaAssetId ? statuses.get(episode.mediaAssetId) : undefined;
  return status === "ready" ? "ready" : status === "failed" || !status ? "unavailable" : "processing";
};

export async function getShow(id: string, audience: Audience, accountId?: string) {
  const row = await findTitle(id, "show", audience);
  if (!row) throw new ApiError("show_not_found", "There is no show with this id.");
  const [people, seasonRows, episodeRows, commerce] = await Promise.all([
    creditsOf(row.id),
    listSeasons(row.id),
    listEpisodes(row.id),
    titleCommerce(row, accountId),
  ]);
  const assetIds = [...new Set(episodeRows.flatMap((e) => (e.mediaAssetId ? [e.mediaAssetId] : [])))];
  const assets = await Promise.all(assetIds.map((assetId) => findAsset(assetId)));
  const statuses = new Map(assets.flatMap((a) => (a ? [[a.id, a.status] as const] : [])));
  return {
    ...titleItem(row),
    ...commerce,
    cast: people.cast,
    creators: people.creators,
    seasons: seasonRows.map((season) => ({
      season: season.number,
      title: season.title,
      synopsis: season.synopsis,
      year: season.year,
      episodes: episodeRows
        .filter((episode) => episode.seasonId === season.id)
        .map((episode) => ({
          id: episode.id,
          episode: episode.number,
          title: episode.title,
          synopsis: episode.synopsis,
          runtime_seconds: episode.runtimeSeconds,
          still_url: artworkUrl(episode.stillPath),
          availability: episodeAvailability(episode, statuses),
        })),
    })),
  };
}

export async function getEpisode(showId: string, season: number, number: number, audience: Audience, accountId?: string) {
  const show = await findTitle(showId, "show", audience);
  if (!show) throw new ApiError("show_not_found", "There is no show with this id.");
  const episode = await findEpisode(showId, season, number);
  if (!episode) throw new ApiError("episode_not_found", `This show has no episode ${number} in season ${season}.`);
  const [media, next, commerce] = await Promise.all([
    mediaDetails(episode.mediaAssetId),
    findNextEpisode(showId, season, number),
    titleCommerce(show, accountId),
  ]);
  return {
    id: episode.id,
    show_id: show.id,
    show_title: show.title,
    season: episode.seasonNumber,
    episode: episode.number,
    title: episode.title,
    synopsis: episode.synopsis,
    runtime_seconds: episode.runtimeSeconds,
    maturity_rating: show.maturityRating,
    still_url: artworkUrl(episode.stillPath),
    availability: media.available_qualities.length ? "ready" : episode.mediaAssetId ? "processing" : "unavailable",
    ...media,
    ...commerce,
    next: next ?? null,
  };
}

export async function listGenres(audience: Audience) {
  const rows = await listGenresWithCounts(audience);
  return { items: rows.map((row) => ({ slug: row.slug, name: row.name, title_count: row.titleCount })) };
}
