import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import * as q from "@/db/queries/admin-catalog";
import { listOffers } from "@/db/queries/purchases";
import type { Episode, Season } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError, uniqueViolation } from "@/lib/api/errors";
import { artworkUrl } from "@/lib/catalog/catalog";
import { maturityLevel, type MaturityRating } from "@/lib/catalog/maturity";
import { mediaDir } from "@/lib/env";
import { offerView } from "@/lib/purchases/offers";
import { notifyNewEpisode, notifyTitleAvailable } from "@/lib/notifications/triggers";
import { requireAdmin } from "./guard";

// Catalog management: titles (movies and shows), seasons, episodes, people, genres, artwork. New titles start as
// drafts (unpublished) so nothing half-made reaches viewers; every function checks the admin role itself.

export type TitleInput = {
  kind?: "movie" | "show";
  title?: string;
  synopsis?: string;
  year?: number;
  maturity_rating?: MaturityRating;
  runtime_seconds?: number | null;
  media_asset_id?: string | null;
  genres?: string[];
  original_language?: string;
  audio_languages?: string[];
};

/** Turns database refusals into the 4xx they stand for: a duplicate (409) or a reference to nothing (422). */
function refusal(what: string) {
  return (error: unknown): never => {
    if (uniqueViolation(error) !== undefined) throw new ApiError("conflict", `${what} already exists.`);
    for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      if (e.code === "23503") throw new ApiError("validation_failed", "A referenced item (media asset, person or genre) does not exist.");
    }
    throw error;
  };
}

function titleValues(input: TitleInput): q.TitleValues {
  return Object.fromEntries(
    Object.entries({
      kind: input.kind,
      title: input.title,
      synopsis: input.synopsis,
      year: input.year,
      maturityRating: input.maturity_rating,
      maturityLevel: input.maturity_rating && maturityLevel(input.maturity_rating),
      runtimeSeconds: input.runtime_seconds,
      mediaAssetId: input.media_asset_id,
      originalLanguage: input.original_language,
      audioLanguages: input.audio_languages && [...new Set(input.audio_languages)],
    }).filter(([, value]) => value !== undefined),
  );
}

export async function listAdminTitles(principal: Principal | undefined, filter: { q?: string; kind?: "movie" | "show"; limit: number; offset: number }) {
  requireAdmin(principal);
  const { rows, total } = await q.listTitlesForAdmin(filter);
  const items = rows.map((row) => ({
    id: row.id,
    type: row.kind,
    title: row.title,
    year: row.year,
    published: row.published,
    poster_url: artworkUrl(row.posterPath),
    video_status: row.assetStatus ?? null,
    updated_at: row.updatedAt.toISOString(),
  }));
  return { items, total, limit: filter.limit, offset: filter.offset };
}

export async function getAdminTitle(principal: Principal | undefined, id: string) {
  requireAdmin(principal);
  const [found, offers] = await Promise.all([q.findTitleForAdmin(id), listOffers(id)]);
  if (!found) throw new ApiError("not_found", "No title with that id.");
  const { title } = found;
  return {
    id: title.id,
    type: title.kind,
    title: title.title,
    synopsis: title.synopsis,
    year: title.year,
    maturity_rating: title.maturityRating,
    original_language: title.originalLanguage,
    audio_languages: title.audioLanguages,
    runtime_seconds: title.runtimeSeconds,
    media_asset_id: title.mediaAssetId,
    published: title.published,
    poster_url: artworkUrl(title.posterPath),
    backdrop_url: artworkUrl(title.backdropPath),
    genres: found.genres.map((g) => g.slug),
    credits: found.credits.map((c) => ({ person_id: c.personId, name: c.name, role: c.role, character: c.character })),
    seasons: found.seasons.map((season) => ({
      ...describeSeason(season),
      episodes: found.episodes.filter((e) => e.episode.seasonId === season.id).map((e) => describeEpisode(e.episode, e.assetStatus)),
    })),
    access: title.access,
    offers: offers.map(offerView),
    created_at: title.createdAt.toISOString(),
    updated_at: title.updatedAt.toISOString(),
  };
}

export async function createTitle(principal: Principal | undefined, input: TitleInput & { kind: "movie" | "show" }) {
  requireAdmin(principal);
  // Heard in the language it was made in unless told otherwise.
  const audio = input.audio_languages ?? (input.original_language ? [input.original_language] : undefined);
  const saved = await q.saveTitle(undefined, { ...titleValues({ ...input, audio_languages: audio }), published: false }, input.genres).catch(refusal("That title"));
  if (saved === "unknown_genre") throw new ApiError("validation_failed", "Unknown genre slug: create the genre first.");
  return getAdminTitle(principal, saved!.id);
}

export async function updateTitle(principal: Principal | undefined, id: string, input: TitleInput) {
  requireAdmin(principal);
  const saved = await q.saveTitle(id, titleValues({ ...input, kind: undefined }), input.genres).catch(refusal("That title"));
  if (saved === "unknown_genre") throw new ApiError("validation_failed", "Unknown genre slug: create the genre first.");
  if (!saved) throw new ApiError("not_found", "No title with that id.");
  return getAdminTitle(principal, id);
}

export async function setPublished(principal: Principal | undefined, id: string, published: boolean) {
  requireAdmin(principal);
  if (!(await q.setTitlePublished(id, published, notifyTitleAvailable))) throw new ApiError("not_found", "No title with that id.");
  return getAdminTitle(principal, id);
}

export async function setCredits(
  principal: Principal | undefined,
  id: string,
  list: Array<{ person_id: string; role: "cast" | "director" | "creator"; character?: string | null }>,
) {
  requireAdmin(principal);
  await getAdminTitle(principal, id);
  const unique = new Set(list.map((c) => `${c.person_id}:${c.role}`));
  if (unique.size !== list.length) throw new ApiError("validation_failed", "A person appears twice in the same role.");
  await q.replaceCredits(id, list.map((c) => ({ personId: c.person_id, role: c.role, character: c.character ?? null }))).catch(refusal("That credit"));
  return getAdminTitle(principal, id);
}

/** Deletes what the title owns on disk too: videos no other item uses. */
async function removeAssetFiles(assetIds: string[]) {
  for (const asset of await q.deleteUnusedAssets(assetIds)) {
    await fs.rm(path.join(mediaDir, asset.directory), { recursive: true, force: true });
    if (asset.sourcePath) await fs.rm(path.join(mediaDir, asset.sourcePath), { force: true });
  }
}

export async function deleteTitle(principal: Principal | undefined, id: string) {
  requireAdmin(principal);
  const assets = await q.deleteTitle(id);
  if (!assets) throw new ApiError("not_found", "No title with that id.");
  await removeAssetFiles(assets);
}

const IMAGE_TYPES = [
  { ext: ".jpg", type: "image/jpeg", magic: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: ".png", type: "image/png", magic: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: ".webp", type: "image/webp", magic: (b: Buffer) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP" },
];

/** Stores a poster or backdrop (JPEG, PNG or WebP, checked by its bytes) under MEDIA_DIR/artwork, named by content. */
export async function setArtwork(principal: Principal | undefined, id: string, slot: "poster" | "backdrop", image: Buffer) {
  requireAdmin(principal);
  const kind = IMAGE_TYPES.find((t) => t.magic(image));
  if (!kind) throw new ApiError("validation_failed", "Artwork must be a JPEG, PNG or WebP image.");
  const name = path.posix.join("uploads", createHash("sha256").update(image).digest("hex").slice(0, 32) + kind.ext);
  const file = path.join(mediaDir, "artwork", name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(`${file}.partial`, image);
  await fs.rename(`${file}.partial`, file);
  const saved = await q.saveTitle(id, slot === "poster" ? { posterPath: name } : { backdropPath: name });
  if (!saved) throw new ApiError("not_found", "No title with that id.");
  return getAdminTitle(principal, id);
}

// Seasons and episodes.

function describeSeason(season: Season) {
  return { id: season.id, number: season.number, title: season.title, synopsis: season.synopsis, year: season.year };
}

function describeEpisode(episode: Episode, assetStatus: string | null) {
  return {
    id: episode.id,
    season: episode.seasonNumber,
    number: episode.number,
    title: episode.title,
    synopsis: episode.synopsis,
    runtime_seconds: episode.runtimeSeconds,
    media_asset_id: episode.mediaAssetId,
    video_status: assetStatus,
    still_url: artworkUrl(episode.stillPath),
  };
}

export type SeasonInput = { number?: number; title?: string; synopsis?: string; year?: number | null };

export async function createSeason(principal: Principal | undefined, showId: string, input: SeasonInput & { number: number }) {
  requireAdmin(principal);
  const show = await getAdminTitle(principal, showId);
  if (show.type !== "show") throw new ApiError("validation_failed", "Only shows have seasons.");
  const season = await q
    .saveSeason(undefined, { showId, number: input.number, title: input.title ?? `Season ${input.number}`, synopsis: input.synopsis, year: input.year })
    .catch(refusal(`Season ${input.number}`));
  return describeSeason(season!);
}

export async function updateSeason(principal: Principal | undefined, id: string, input: SeasonInput) {
  requireAdmin(principal);
  const season = await q.saveSeason(id, input).catch(refusal(`Season ${input.number}`));
  if (!season) throw new ApiError("not_found", "No season with that id.");
  return describeSeason(season);
}

export async function deleteSeason(principal: Principal | undefined, id: string) {
  requireAdmin(principal);
  const assets = await q.deleteSeason(id);
  if (!assets) throw new ApiError("not_found", "No season with that id.");
  await removeAssetFiles(assets);
}

export type EpisodeInput = { number?: number; title?: string; synopsis?: string; runtime_seconds?: number | null; media_asset_id?: string | null };

const episodeValues = (input: EpisodeInput) =>
  Object.fromEntries(
    Object.entries({
      number: input.number,
      title: input.title,
      synopsis: input.synopsis,
      runtimeSeconds: input.runtime_seconds,
      mediaAssetId: input.media_asset_id,
    }).filter(([, value]) => value !== undefined),
  );

export async function createEpisode(principal: Principal | undefined, seasonId: string, input: EpisodeInput & { number: number; title: string }) {
  requireAdmin(principal);
  const season = await q.findSeason(seasonId);
  if (!season) throw new ApiError("not_found", "No season with that id.");
  // Followers of a published show hear of it in the same transaction (lib/notifications/).
  const episode = await q
    .insertEpisode({ ...episodeValues(input), showId: season.showId, seasonId, seasonNumber: season.number } as Episode, (tx, show, created) =>
      show.published ? notifyNewEpisode(tx, show, created) : Promise.resolve(),
    )
    .catch(refusal(`Episode ${input.number} of season ${season.number}`));
  return describeEpisode(episode, null);
}

export async function updateEpisode(principal: Principal | undefined, id: string, input: EpisodeInput) {
  requireAdmin(principal);
  const episode = await q.saveEpisode(id, episodeValues(input)).catch(refusal(`Episode ${input.number}`));
  if (!episode) throw new ApiError("not_found", "No episode with that id.");
  return describeEpisode(episode, null);
}

export async function deleteEpisode(principal: Principal | undefined, id: string) {
  requireAdmin(principal);
  const assets = await q.deleteEpisode(id);
  if (!assets) throw new ApiError("not_found", "No episode with that id.");
  await removeAssetFiles(assets);
}

// People and genres.

export async function listPeople(principal: Principal | undefined, filter: { q?: string; limit: number; offset: number }) {
  requireAdmin(principal);
  const { rows, total } = await q.listPeople(filter);
  return { items: rows, total, limit: filter.limit, offset: filter.offset };
}

export async function savePerson(principal: Principal | undefined, id: string | undefined, input: { name?: string; bio?: string | null }) {
  requireAdmin(principal);
  const person = await q.savePerson(id, input);
  if (!person) throw new ApiError("not_found", "No person with that id.");
  return { id: person.id, name: person.name, bio: person.bio };
}

export async function deletePerson(principal: Principal | undefined, id: string) {
  requireAdmin(principal);
  if (!(await q.deletePerson(id))) throw new ApiError("not_found", "No person with that id.");
}

export async function listGenres(principal: Principal | undefined) {
  requireAdmin(principal);
  return { items: await q.listGenresForAdmin() };
}

export async function saveGenre(principal: Principal | undefined, id: string | undefined, input: { slug?: string; name?: string }) {
  requireAdmin(principal);
  const genre = await q.saveGenre(id, input).catch(refusal(`A genre with slug "${input.slug}"`));
  if (!genre) throw new ApiError("not_found", "No genre with that id.");
  return { id: genre.id, slug: genre.slug, name: genre.name };
}

export async function deleteGenre(principal: Principal | undefined, id: string) {
  requireAdmin(principal);
  if (!(await q.deleteGenre(id))) throw new ApiError("not_found", "No genre with that id.");
}
