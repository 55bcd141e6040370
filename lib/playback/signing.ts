import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";

// Media URLs carry `?md5=<sig>&expires=<unix seconds>` in the form nginx's secure_link module checks
// (docs/MEDIA-SIGNING.md): sig = base64url(md5("<expires><path> <secret>")), no padding. The app's /media route
// checks the same signature in embedded mode, so either can serve the files.

export const MEDIA_PREFIX = "/media";
const SECRET_FILE = "media-signing-secret";

let cachedSecret: string | undefined;

/** MEDIA_SIGNING_SECRET, or one generated once and kept in DATA_DIR (so restarts keep links valid). */
export function signingSecret(): string {
  if (cachedSecret) return cachedSecret;
  if (env.MEDIA_SIGNING_SECRET) return (cachedSecret = env.MEDIA_SIGNING_SECRET);
  const file = path.join(dataDir, SECRET_FILE);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    // "wx": of two processes starting at once, one writes and both then read the same secret.
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: delete it to have a new one generated.`);
  return (cachedSecret = secret);
}

/** The signature of `urlPath` (as nginx's $uri: decoded, no query) valid until `expires` (unix seconds). */
export function signature(urlPath: string, expires: number, secret = signingSecret()): string {
  return createHash("md5").update(`${expires}${urlPath} ${secret}`).digest("base64url");
}

/** `urlPath` with its signature and expiry as query parameters. */
export function signPath(urlPath: string, expires: number, secret = signingSecret()): string {
  return `${urlPath}?md5=${signature(urlPath, expires, secret)}&expires=${expires}`;
}

export type Verdict = { ok: true; expires: number } | { ok: false; reason: "missing" | "invalid" | "expired" };

/** Checks a request's signature as nginx would: present, matching the path, and not yet expired. */
export function verifySignedPath(urlPath: string, query: URLSearchParams, now = Date.now(), secret = signingSecret()): Verdict {
  const md5 = query.get("md5");
  const expiresText = query.get("expires");
  if (!md5 || !expiresText) return { ok: false, reason: "missing" };
  if (!/^\d{1,12}$/.test(expiresText)) return { ok: false, reason: "invalid" };
  const expires = Number(expiresText);
  const expected = Buffer.from(signature(urlPath, expires, secret));
  const given = Buffer.from(md5);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  if (expires * 1000 <= now) return { ok: false, reason: "expired" };
  return { ok: true, expires };
}

/** Unix seconds `seconds` from now. */
export const expiresIn = (seconds: number, now = Date.now()) => Math.floor(now / 1000 + seconds);

/** How long the manifest URL in a stream response may be first fetched. */
export const MANIFEST_TTL_SECONDS = 600;
/** Variant, segment, subtitle and thumbnail URLs stay valid this long past the video's length (pauses, rewatching). */
export const PLAYBACK_WINDOW_SLACK_SECONDS = 4 * 3600;

/** The expiry of a master playlist URL handed out at `now`. */
export const manifestExpiry = (now = Date.now()) => expiresIn(MANIFEST_TTL_SECONDS, now);

/**
 * The end of a stream's viewing window, from its master URL's signed expiry: the stream started MANIFEST_TTL_SECONDS
 * before it, and may play for the video's length plus the slack. Both inputs are trusted (a verified signature and
 * the asset's stored duration), so refetching the master, at any time it is valid, yields the same window: a viewer
 * cannot stretch it, and a variant playlist signs its segments with its own (the same) expiry.
 */
export function playbackWindowExpiry(manifestExpires: number, durationSeconds: number | null): number {
  const length = Number.isFinite(durationSeconds) ? Math.max(0, Math.ceil(durationSeconds!)) : 0;
  return manifestExpires - MANIFEST_TTL_SECONDS + length + PLAYBACK_WINDOW_SLACK_SECONDS;
}

/** The public path of a file inside an asset's directory. */
export const mediaPath = (assetId: string, relative: string) => `${MEDIA_PREFIX}/${assetId}/${relative}`;
