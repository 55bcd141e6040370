import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

const contentTypes: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".vtt": "text/vtt; charset=utf-8",
  ".m3u8": "application/vnd.apple.mpegurl",
  ".ts": "video/mp2t",
  ".m4s": "video/iso.segment",
  ".mp4": "video/mp4",
};

/** Resolves `segments` inside `root`, refusing anything that would escape it. */
export function resolveInside(root: string, segments: string[]): string | undefined {
  if (segments.some((segment) => segment === "" || segment === "." || segment === ".." || segment.includes("\0"))) {
    return undefined;
  }
  const resolved = path.resolve(root, ...segments);
  return resolved.startsWith(path.resolve(root) + path.sep) ? resolved : undefined;
}

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });

/** Serves a file with a content type, validators, 304s and single byte ranges (206/416). */
export async function serveFile(request: Request, file: string | undefined, cacheControl: string): Promise<Response> {
  const type = file ? contentTypes[path.extname(file).toLowerCase()] : undefined;
  const stat = file && type ? await fs.promises.stat(file).catch(() => undefined) : undefined;
  if (!file || !type || !stat?.isFile()) return notFound();

  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = new Headers({
    "content-type": type,
    "cache-control": cacheControl,
    etag,
    "last-modified": stat.mtime.toUTCString(),
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  let start = 0;
  let end = stat.size - 1;
  let status = 200;
  const range = request.headers.get("range");
  if (range) {
    const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    if (match && (match[1] || match[2])) {
      start = match[1] ? Number(match[1]) : Math.max(0, stat.size - Number(match[2]));
      end = match[1] && match[2] ? Math.min(Number(match[2]), stat.size - 1) : stat.size - 1;
    }
    if (!match || start > end || start >= stat.size) {
      headers.set("content-range", `bytes */${stat.size}`);
      return new Response(null, { status: 416, headers });
    }
    status = 206;
    headers.set("content-range", `bytes ${start}-${end}/${stat.size}`);
  }
  headers.set("content-length", String(end - start + 1));
  if (request.method === "HEAD" || stat.size === 0) return new Response(null, { status, headers });
  const stream = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}
