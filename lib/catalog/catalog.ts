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
import { findLiveRight, listOffers } from "@/db/queries/purchases";
import type { Episode } from "@/db/schema";
import type { Audience } from "@/lib/access/visibility";
import { ApiError } from "@/lib/api/errors";
import { offerView, ownershipView } from "@/lib/purchases/offers";
import type { Commerce } from "@/lib/purchases/purchases";
import { audienceKey, cachedCatalog, visibleInMemory } from "./cache";
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

/** The cache key of a list read: its filter (the audience as its class), then whatever else tells reads apart. */
export function listKey(name: string, filter: TitleFilter, ...rest: unknown[]): string {
  const { audience, ...criteria } = filter;
  return JSON.stringify([name, audienceKey(audience), criteria, ...rest]);
}

export function browseTitles(filter: TitleFilter, sort: TitleSort, page: Page) {
  const byViewing = sort === "popular" || sort === "rating";
  return cachedCatalog(listKey("titles", filter, sort, page.limit, page.offset), async () => {
    const { rows, total } = await listTitles(filter, sort, page.limit, page.offset);
    return { items: rows.map(titleItem), total, limit: page.limit, offset: page.offset };
  }, { byViewing });
}

/**
 * The commerce fields of a title whose offers were read (and cached) with it: the caller's rental or purchase is
 * read every time (`accountId`; none: an anonymous read).
 */
async function commerceFor(title: { id: string; access: Commerce["access"] }, offers: Commerce["offers"], accountId: string | undefined): Promise<Commerce> {
  const held = accountId ? await findLiveRight(accountId, title.id) : undefined;
  return { access: title.access, offers, ownership: held ? ownershipView(held) : null };
}

const offersOf = async (titleId: string) => (await listOffers(titleId)).map(offerView);

/** Subtitles, audio tracks and qualities of a playable asset (empty until it is ready). */
async function mediaDetails(assetId: string | null) {
  const asset = assetId ? await findAsset(assetId) : undefined;
  const ready = asset?.status === "ready";
  return {
    subtitles: asset?.subtitles ?? [],
    audio_tracks: ready ? asset.audioTracks.map((t) => ({ language: t.language, label: t.label, default: t.default })) : [],
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
  // As anyone may see it (published), then for this audience.
  const movie = await cachedCatalog(JSON.stringify(["movie", id]), async () => {
    const row = await findTitle(id, "movie");
    if (!row) return undefined;
    const [people, media, offers] = await Promise.all([creditsOf(row.id), mediaDetails(row.mediaAssetId), offersOf(row.id)]);
    return { row, item: { ...titleItem(row), cast: people.cast, directors: people.directors, ...media }, offers };
  });
  if (!movie || !visibleInMemory(audience, movie.row)) throw new ApiError("movie_not_found", "There is no movie with this id.");
  return { ...movie.item, ...(await commerceFor(movie.row, movie.offers, accountId)) };
}

const episodeAvailability = (episode: Episode, statuses: Map<string, string>) => {
  const status = episode.mediaAssetId ? statuses.get(episode.mediaAssetId) : undefined;
  return status === "ready" ? "ready" : status === "failed" || !status ? "unavailable" : "processing";
};

export async function getShow(id: string, audience: Audience, accountId?: string) {
  const show = await cachedCatalog(JSON.stringify(["show", id]), () => showForAnyone(id));
  if (!show || !visibleInMemory(audience, show.row)) throw new ApiError("show_not_found", "There is no show with this id.");
  const { item, seasons, credits } = show;
  return { ...item, ...(await commerceFor(show.row, show.offers, accountId)), ...credits, seasons };
}

/** A published show as anyone may see it, without the caller's ownership. */
async function showForAnyone(id: string) {
  const row = await findTitle(id, "show");
  if (!row) return undefined;
  const [people, seasonRows, episodeRows, offers] = await Promise.all([
    creditsOf(row.id),
    listSeasons(row.id),
    listEpisodes(row.id),
    offersOf(row.id),
  ]);
  const assetIds = [...new Set(episodeRows.flatMap((e) => (e.mediaAssetId ? [e.mediaAssetId] : [])))];
  const assets = await Promise.all(assetIds.map((assetId) => findAsset(assetId)));
  const statuses = new Map(assets.flatMap((a) => (a ? [[a.id, a.status] as const] : [])));
  return {
    row,
    item: titleItem(row),
    offers,
    credits: { cast: people.cast, creators: people.creators },
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
  const found = await cachedCatalog(JSON.stringify(["episode", showId, season, number]), () => episodeForAnyone(showId, season, number));
  if (!found.show || !visibleInMemory(audience, found.show)) throw new ApiError("show_not_found", "There is no show with this id.");
  if (!found.episode) throw new ApiError("episode_not_found", `This show has no episode ${number} in season ${season}.`);
  const { access, offers, ownership } = await commerceFor(found.show, found.offers, accountId);
  // The episode's fields keep their order, with the commerce ones where they always were.
  return { ...found.episode, access, offers, ownership, next: found.next };
}

async function episodeForAnyone(showId: string, season: number, number: number) {
  const show = await findTitle(showId, "show");
  if (!show) return { show: undefined };
  const episode = await findEpisode(showId, season, number);
  if (!episode) return { show, episode: undefined };
  const [media, next, offers] = await Promise.all([
    mediaDetails(episode.mediaAssetId),
    findNextEpisode(showId, season, number),
    offersOf(showId),
  ]);
  const view = {
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
  };
  return { show, episode: view, offers, next: next ?? null };
}

export function listGenres(audience: Audience) {
  return cachedCatalog(JSON.stringify(["genres", audienceKey(audience)]), async () => {
    const rows = await listGenresWithCounts(audience);
    return { items: rows.map((row) => ({ slug: row.slug, name: row.name, title_count: row.titleCount })) };
  });
}
