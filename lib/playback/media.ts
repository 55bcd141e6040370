import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { findAsset } from "@/db/queries/media";
import { errorResponse, ApiError } from "@/lib/api/errors";
import { mediaDir } from "@/lib/env";
import { serveChannelPlaylist } from "@/lib/channels/live-stream";
import { resolveInside, serveFile } from "@/lib/files/serve-file";
import { MASTER_FILE, renderSignedMaster, signPlaylist, signThumbnailsVtt } from "./playlists";
import { playbackWindowExpiry, verifySignedPath } from "./signing";

// GET /media/<asset>/<file>?md5=…&expires=… in embedded mode: the same check nginx's secure_link does, then
// playlists rendered with signed URIs and everything else served from MEDIA_DIR/assets/<asset>/ with Range support.
// Behind nginx only playlists reach the app (docs/MEDIA-SIGNING.md).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Signed URLs are capabilities: any origin may use them (a web client on another domain included).
const shared = { "access-control-allow-origin": "*", "x-content-type-options": "nosniff" };
const CACHE = {
  master: "private, max-age=60",
  playlist: "private, max-age=3600",
  file: "private, max-age=86400, immutable",
};

const refuse = (message: string) =>
  errorResponse(new ApiError("forbidden", message), { ...shared, "cache-control": "no-store" });

const notFound = () => errorResponse(new ApiError("not_found", "No such media file."), { ...shared, "cache-control": "no-store" });

export async function serveMedia(request: Request, segments: string[], now = Date.now()): Promise<Response> {
  const url = new URL(request.url);
  const verdict = verifySignedPath(url.pathname, url.searchParams, now);
  if (!verdict.ok) {
    return refuse(verdict.reason === "expired" ? "This media link has expired: start playback again." : "This media link is not validly signed.");
  }
  if (segments[0] === "channels") return serveChannelPlaylist(request, segments.slice(1), verdict.expires, now);
  if (segments[0] === "live") return serveLiveSegment(request, segments.slice(1));
  const [assetId, ...rest] = segments;
  if (!assetId || !UUID.test(assetId) || rest.length === 0) return notFound();

  const master = rest.length === 1 ? MASTER_FILE.exec(rest[0]) : null;
  if (master) {
    const asset = await findAsset(assetId);
    if (!asset || asset.status !== "ready" || asset.renditions.length === 0) return notFound();
    // Variants get the stream's whole viewing window, not the master's few minutes: a film outlasts its master link.
    const windowExpires = playbackWindowExpiry(verdict.expires, asset.durationSeconds);
    return text(request, renderSignedMaster(asset, master[1], windowExpires), "application/vnd.apple.mpegurl", CACHE.master);
  }

  const file = resolveInside(path.join(mediaDir, "assets", assetId), rest);
  const name = rest[rest.length - 1];
  if (file && name.endsWith(".m3u8")) {
    const body = await fs.readFile(file, "utf8").catch(() => undefined);
    if (body === undefined) return notFound();
    return text(request, signPlaylist(body, url.pathname, verdict.expires), "application/vnd.apple.mpegurl", CACHE.playlist);
  }
  if (file && rest.length === 1 && name.endsWith(".vtt") && (await findAsset(assetId))?.thumbnailsVtt === name) {
    const body = await fs.readFile(file, "utf8").catch(() => undefined);
    if (body === undefined) return notFound();
    return text(request, signThumbnailsVtt(body, url.pathname, verdict.expires), "text/vtt; charset=utf-8", CACHE.playlist);
  }
  const response = await serveFile(request, file, CACHE.file);
  for (const [name, value] of Object.entries(shared)) response.headers.set(name, value);
  return response;
}

/** A live channel's segment (MEDIA_DIR/live/<channel>/<rung>/<segment>.ts): never rewritten once its name exists. */
async function serveLiveSegment(request: Request, segments: string[]): Promise<Response> {
  const [channelId, rung, name, ...rest] = segments;
  if (!UUID.test(channelId ?? "") || !/^\d+p$/.test(rung ?? "") || !/^seg-[a-z0-9]+-\d+\.ts$/.test(name ?? "") || rest.length) return notFound();
  const response = await serveFile(request, resolveInside(path.join(mediaDir, "live", channelId), [rung, name]), CACHE.file);
  for (const [header, value] of Object.entries(shared)) response.headers.set(header, value);
  return response;
}

function text(request: Request, body: string, contentType: string, cacheControl: string): Response {
  const headers = { ...shared, "content-type": contentType, "cache-control": cacheControl };
  return new Response(request.method === "HEAD" ? null : body, { headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } });
}
