import "server-only";
import fs from "node:fs/promises";
import { playlistUriSigner, signPlaylist } from "@/lib/playback/playlists";

// A live rung's playlist with every segment URL signed, shared by all its viewers. The ingest rewrites the playlist
// every segment (2 s) and it lists up to the whole DVR window (3,600 segments at 2 h): signing it afresh for every
// refresh of every viewer would be thousands of MD5s each time. Segment URLs under /media/live/<channel>/… are the
// same for everyone, so they are signed with one expiry that no viewer's own outlasts (`liveSegmentExpiry`), the
// signed text is kept per playlist file until the file changes, and when it does only the segments it did not list
// before are signed. Per process, on globalThis (server.ts and Next's bundles load this module separately); nothing
// here is needed by another instance: it is only ever a faster way to the same text.

/** Segment expiries are rounded up to this boundary: a signed text serves every refresh for up to this long. */
export const LIVE_SIGNING_BUCKET_SECONDS = 600;
/** A playlist nobody asked for this long is dropped (its channel went off air, was deleted, or nobody watches). */
const IDLE_MS = 60_000;
/** A hard bound besides: this many rungs' playlists at most (the least recently asked for go first). */
const MAX_ENTRIES = 256;

type Entry = { version: string; expires: number; signed: string; uris: Map<string, string>; usedAt: number };

const stateKey = Symbol.for("normflix.live-signed-playlists");
const processState = globalThis as unknown as { [stateKey]?: { entries: Map<string, Entry>; sweptAt: number } };
const state = (processState[stateKey] ??= { entries: new Map(), sweptAt: 0 });

/**
 * The expiry a live playlist's segments are signed with: the later of the viewer's variant URL expiry and the latest
 * any viewer may hold now (a stream started now gets `viewingSeconds`), rounded up to the bucket. So a segment URL is
 * valid at least as long as the variant playlist that listed it, as when each viewer's were signed apart.
 */
export function liveSegmentExpiry(variantExpires: number, viewingSeconds: number, now = Date.now()): number {
  const latest = Math.max(variantExpires, Math.floor(now / 1000) + viewingSeconds);
  return Math.ceil(latest / LIVE_SIGNING_BUCKET_SECONDS) * LIVE_SIGNING_BUCKET_SECONDS;
}

function sweep(now: number) {
  if (now - state.sweptAt < IDLE_MS / 4 && state.entries.size <= MAX_ENTRIES) return;
  state.sweptAt = now;
  for (const [file, entry] of state.entries) if (now - entry.usedAt > IDLE_MS) state.entries.delete(file);
  const byAge = [...state.entries].sort((a, b) => a[1].usedAt - b[1].usedAt);
  for (const [file] of byAge.slice(0, Math.max(0, byAge.length - MAX_ENTRIES))) state.entries.delete(file);
}

/**
 * The ingest's playlist in `file` (served as `publicPath`) with its URIs signed until `expires`: the same text as
 * `signPlaylist` on the file as it is now. Undefined when the file cannot be read (the rung is not written yet).
 */
export async function signedLivePlaylist(file: string, publicPath: string, expires: number, now = Date.now()): Promise<string | undefined> {
  sweep(now);
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) return undefined;
  // ffmpeg writes a temporary file and renames it over the playlist: a new inode, time and size per rewrite.
  const version = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  const cached = state.entries.get(file);
  if (cached && cached.version === version && cached.expires === expires) {
    cached.usedAt = now;
    return cached.signed;
  }
  const text = await fs.readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  // Segments the previous text listed keep their signed URLs (same expiry); only new ones are signed, and segments
  // that slid out of the window are forgotten.
  const previous = cached?.expires === expires ? cached.uris : new Map<string, string>();
  const uris = new Map<string, string>();
  const signNew = playlistUriSigner(publicPath, expires);
  const signed = signPlaylist(text, publicPath, expires, (uri) => {
    const url = previous.get(uri) ?? signNew(uri);
    uris.set(uri, url);
    return url;
  });
  state.entries.set(file, { version, expires, signed, uris, usedAt: now });
  return signed;
}

/** How many playlists this process keeps signed (tests). */
export const signedLivePlaylistCount = () => state.entries.size;
