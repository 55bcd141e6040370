// Plan-aware, signed HLS playlists: the master lists only the renditions a plan allows, and every URI in a master,
// a variant playlist or the thumbnails map is rewritten to a signed absolute path, so every fetched URL is signed.
import path from "node:path";
import type { AudioTrack, Rendition } from "@/db/schema/media";
import { renderMasterPlaylist } from "@/lib/media/hls";
import { mediaPath, signPath } from "./signing";

/** "1080p" → 1080. A rendition's rung, not its pixel height: a 1920×800 scope film's 1080p rung is still 1080p. */
export function rungHeight(rendition: Pick<Rendition, "name" | "height">): number {
  const match = /^(\d+)p$/.exec(rendition.name);
  return match ? Number(match[1]) : rendition.height;
}

/** The renditions at or below `maxQuality` ("480p"), lowest first; never empty while the asset has any. */
export function allowedRenditions(renditions: Rendition[], maxQuality: string): Rendition[] {
  const cap = rungHeight({ name: maxQuality, height: Number.POSITIVE_INFINITY });
  const sorted = [...renditions].sort((a, b) => rungHeight(a) - rungHeight(b) || a.bandwidth - b.bandwidth);
  const allowed = sorted.filter((r) => rungHeight(r) <= cap);
  return allowed.length > 0 ? allowed : sorted.slice(0, 1);
}

/** Where the plan-capped master playlist of an asset lives: /media/<asset>/master-<quality>.m3u8. */
export const masterPath = (assetId: string, maxQuality: string) => mediaPath(assetId, `master-${maxQuality}.m3u8`);

export const MASTER_FILE = /^master-(\d+p)\.m3u8$/;

/** The master playlist for a plan's cap, its audio tracks included, with each variant's and track's URI signed until `expires`. */
export function renderSignedMaster(asset: { id: string; renditions: Rendition[]; audioTracks: AudioTrack[] }, maxQuality: string, expires: number): string {
  const sign = (playlist: string) => signPath(mediaPath(asset.id, playlist), expires);
  return renderMasterPlaylist(allowedRenditions(asset.renditions, maxQuality), sign, asset.audioTracks);
}

/**
 * How a URI of the playlist at `playlistPath` is signed: resolved against its folder, signed until `expires`. A URI
 * that names another host or leaves the asset's folder throws: the pipeline never writes one, so it means a tampered file.
 */
export const playlistUriSigner = (playlistPath: string, expires: number) => (uri: string) => signPath(resolveWithin(playlistPath, uri), expires);

/**
 * Rewrites a media playlist (or a master) found at `playlistPath` (a public /media/… path): every URI line and every
 * URI="…" attribute becomes a signed absolute path, by `sign` (a caller that keeps URIs it signed before passes its own).
 */
export function signPlaylist(text: string, playlistPath: string, expires: number, sign = playlistUriSigner(playlistPath, expires)): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed === "") return line;
      if (trimmed.startsWith("#")) return line.replace(/URI="([^"]+)"/g, (_, uri: string) => `URI="${sign(uri)}"`);
      return sign(trimmed);
    })
    .join("\n");
}

/** Rewrites a thumbnails WebVTT map: each cue's `sprite-N.jpg#xywh=…` becomes a signed path, fragment kept. */
export function signThumbnailsVtt(text: string, vttPath: string, expires: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const match = /^([^\s#]+\.(?:jpg|jpeg|png|webp))(#xywh=\d+,\d+,\d+,\d+)?$/i.exec(line.trim());
      return match ? `${signPath(resolveWithin(vttPath, match[1]), expires)}${match[2] ?? ""}` : line;
    })
    .join("\n");
}

/** Resolves a relative URI against the folder of `basePath`, staying inside the same asset. */
function resolveWithin(basePath: string, uri: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith("/")) throw new Error(`unexpected absolute URI in a playlist: ${uri}`);
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(basePath), uri.split("?")[0]));
  const assetRoot = basePath.split("/").slice(0, 3).join("/") + "/"; // "/media/<asset>/"
  if (!resolved.startsWith(assetRoot)) throw new Error(`playlist URI leaves its asset: ${uri}`);
  return resolved;
}
