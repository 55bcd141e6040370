// Next's build output under /_next/static, served by server.ts: Next itself gzips every file again on every request,
// on the request's thread, where a fresh visit to the watch page then waits a few hundred milliseconds for its
// scripts. These files never change (content-hashed names, cached `immutable`), so each is compressed once, off the
// main thread, with brotli or gzip as the browser accepts, and kept in memory (a build's scripts and styles are a
// few megabytes).
import fs from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const PREFIX = "/_next/static/";
const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

type Encoding = "br" | "gzip" | "identity";
type Asset = { type: string; bodies: Partial<Record<Encoding, Promise<Buffer>>> };

function preferredEncoding(accept: string | undefined): Encoding {
  const accepted = new Set((accept ?? "").split(",").map((part) => part.split(";")[0].trim().toLowerCase()));
  return accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : "identity";
}

export function createStaticAssets(staticDir: string) {
  const root = path.resolve(staticDir);
  const assets = new Map<string, Asset>();

  function compressed(file: string, asset: Asset, encoding: Encoding): Promise<Buffer> {
    return (asset.bodies[encoding] ??= (async () => {
      const raw = await (asset.bodies.identity ??= fs.readFile(file));
      if (encoding === "br") return brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } });
      if (encoding === "gzip") return gzip(raw, { level: 9 });
      return raw;
    })());
  }

  /**
   * Answers a GET or HEAD for a compressible file of the build; false for anything else (fonts, images, unknown
   * files), which Next serves as usual.
   */
  return async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url?.startsWith(PREFIX)) return false;
    const relative = decodeURIComponent(req.url.slice(PREFIX.length).split("?")[0]);
    const file = path.resolve(root, relative);
    const type = TYPES[path.extname(file)];
    if (!type || !file.startsWith(root + path.sep)) return false;

    let asset = assets.get(file);
    if (!asset) {
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat?.isFile()) return false;
      asset = { type, bodies: {} };
      assets.set(file, asset);
    }
    const encoding = preferredEncoding(req.headers["accept-encoding"] as string | undefined);
    let body: Buffer;
    try {
      body = await compressed(file, asset, encoding);
    } catch {
      assets.delete(file); // e.g. removed by a rebuild: let Next answer
      return false;
    }
    res.writeHead(200, {
      "content-type": asset.type,
      "content-length": body.length,
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
      ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
