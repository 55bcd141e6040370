import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticAssets } from "./static-assets";

const outer = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-static-"));
const dir = path.join(outer, "static");
const script = "console.log('NormFlix');\n".repeat(500);
let base = "";
const server = http.createServer(async (req, res) => {
  if (!(await serve(req, res))) res.writeHead(418).end(); // "Next's turn"
});
const serve = createStaticAssets(dir);

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, "chunks"), { recursive: true });
  fs.writeFileSync(path.join(dir, "chunks", "app.js"), script);
  fs.writeFileSync(path.join(dir, "chunks", "font.woff2"), "not compressible");
  fs.writeFileSync(path.join(outer, "secret.js"), "outside");
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  fs.rmSync(outer, { recursive: true, force: true });
});

/** A raw request (fetch would decode the body and hide the encoding). */
function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(base + url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject).end();
  });
}

describe("the build's static files", () => {
  it("are answered in the best encoding the browser accepts, the same bytes every time, cached immutable", async () => {
    const br = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.status).toBe(200);
    expect(br.headers).toMatchObject({ "content-encoding": "br", "content-type": "application/javascript; charset=utf-8", vary: "Accept-Encoding" });
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "br" })).body).toEqual(br.body);

    const gzip = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script);

    const plain = await get("/_next/static/chunks/app.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    const head = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.headers["content-length"]).toBe(br.headers["content-length"]);
    expect(head.body.length).toBe(0);
  });

  it("leave everything else to Next: other methods, types and paths, missing files, and escapes from the folder", async () => {
    for (const url of ["/_next/static/chunks/font.woff2", "/_next/static/chunks/missing.js", "/_next/static/..%2fsecret.js", "/_next/image?url=x", "/api/ping"]) {
      expect((await get(url)).status, url).toBe(418);
    }
    expect((await get("/_next/static/chunks/app.js", {}, "POST")).status).toBe(418);
  });
});
