// The NormFlix server: Next.js behind a small custom HTTP layer (see ARCHITECTURE.md, "Custom server").
// It opens the database before listening, hands GET bodies to route handlers (Next drops them), caps request
// bodies, and drains in-flight requests on SIGTERM.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { closeDatabase, databaseKind, openDatabase } from "./db/client";
import { tablesRead, traceRequest } from "./db/query-trace";
import { startViewingFold } from "./lib/admin/analytics";
import { startNotificationMail } from "./lib/notifications/mail-queue";
import { startPlaybackPartitions } from "./lib/analytics/partitions";
import { startQualityFold } from "./lib/analytics/playback-quality";
import { flushApiLimits } from "./lib/rate-limit";
import { endRealtimeStreams, startRealtimeRetention } from "./lib/realtime";
import { streamsItsOwnBody } from "./lib/admin/upload-paths";
import { allowedMethods } from "./lib/api/allowed-methods";
import { CLIENT_IP_HEADER, GET_BODY_HEADER, INTERNAL_HEADERS } from "./lib/api/internal-headers";
import { seedDemoCatalog } from "./db/seed/seed-demo";
import { createStaticAssets } from "./lib/site/static-assets";
import { answerIfUnavailable, isPageRequest, isSiteRead } from "./lib/site/unavailable-page";
import { answerPageWith } from "./lib/site/page-status";
import { dataDir, env } from "./lib/env";
import { baselineSecurityHeaders, cameOverHttps } from "./lib/security/headers";
import { startWorker } from "./lib/media/worker";

const projectDir = path.dirname(fileURLToPath(import.meta.url));
process.chdir(projectDir);

function sendError(res: http.ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Behind a trusted proxy, the address that proxy saw: the last X-Forwarded-For entry, the one it appended. Earlier
 * entries are whatever the client sent, so taking the first would let a client pick its address (and its throttle).
 */
function clientIp(req: http.IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  const lastHop = env.TRUST_PROXY && typeof forwarded === "string" ? forwarded.split(",").at(-1)!.trim() : "";
  return lastHop || (req.socket.remoteAddress ?? "unknown");
}

/** Reads a request body up to `limit` bytes; undefined when it is larger (the rest is discarded, up to a point). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Answer 413 at once; keep reading so the client sees the answer, but not forever.
      resolve(undefined);
      if (size > limit * 8) req.destroy();
    });
    req.on("end", () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on("error", reject);
  });
}

/** Whether the path decodes (Next answers a malformed escape such as `%ZZ` or `%c0%af` in a path with a bare 500). */
function hasDecodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

const hasBody = (req: http.IncomingMessage) =>
  req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;

function logTrace(req: http.IncomingMessage, res: http.ServerResponse, statements: string[]) {
  const tables = [...tablesRead(statements)].map(([table, count]) => `${table} ${count}`).join(", ");
  console.log(`query trace: ${req.method} ${req.url?.split("?")[0]} ${res.statusCode} — ${statements.length} statements (${tables})`);
}

async function main() {
  // Lock DATA_DIR, connect and migrate before anything listens, so a second process fails with a clear message.
  await openDatabase();

  const dev = env.NODE_ENV !== "production";
  const app = next({ dev, dir: projectDir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The build's scripts and styles, compressed once (a development build changes them, so Next serves those).
  const serveStaticAsset = dev ? undefined : createStaticAssets(path.join(projectDir, ".next", "static"));
  let draining = false;

  const server = http.createServer(async (req, res) => {
    try {
      for (const name of INTERNAL_HEADERS) delete req.headers[name];
      req.headers[CLIENT_IP_HEADER] = clientIp(req);
      // Every response, whoever writes it; pages get their nonce CSP from proxy.ts, which replaces this one.
      for (const [name, value] of Object.entries(baselineSecurityHeaders(cameOverHttps(req.headers["x-forwarded-proto"])))) {
        res.setHeader(name, value);
      }
      if (draining) res.setHeader("connection", "close");
      // A response that was under way when the drain began (an event stream, ended by it) leaves a kept-alive idle
      // connection behind, which would hold server.close() until the keep-alive timeout: close it once idle.
      res.once("finish", () => draining && setImmediate(() => server.closeIdleConnections()));
      if (!hasDecodablePath(req.url)) return sendError(res, 400, "bad_request", "The request path is not valid percent-encoding.");
      if (await serveStaticAsset?.(req, res)) return;

      if (req.url?.startsWith("/api/")) {
        const allowed = allowedMethods(req.url);
        if (allowed && !allowed.includes(req.method ?? "")) {
          res.setHeader("allow", allowed.join(", "));
          return sendError(res, 405, "method_not_allowed", `This endpoint accepts ${allowed.join(", ")}, not ${req.method}.`);
        }
        if (Number(req.headers["content-length"] ?? 0) > env.MAX_BODY_BYTES && !streamsItsOwnBody(req.method, req.url)) {
          return sendError(res, 413, "payload_too_large", `Request bodies are limited to ${env.MAX_BODY_BYTES} bytes.`);
        }
        if ((req.method === "GET" || req.method === "HEAD") && hasBody(req)) {
          const body = await readBody(req, env.MAX_BODY_BYTES);
          if (!body) return sendError(res, 413, "payload_too_large", `Request bodies are limited to ${env.MAX_BODY_BYTES} bytes.`);
          if (body.length > 0) req.headers[GET_BODY_HEADER] = body.toString("base64url");
        }
      } else if (isPageRequest(req) && (await answerIfUnavailable(res))) {
        return;
      }
      // A page load may answer with the status of a refusal it renders (lib/site/page-status.ts); a client-side
      // navigation's RSC payload stays 200 (the router would otherwise reload the page to show it).
      const run = () => (isSiteRead(req) && req.headers.rsc !== "1" ? answerPageWith(res, () => handle(req, res)) : handle(req, res));
      if (env.TRACE_QUERIES) await traceRequest(run, (listener) => res.once("close", listener), (statements) => logTrace(req, res, statements));
      else await run();
    } catch (error) {
      console.error(`request failed: ${(error as Error).message}`);
      if (!res.headersSent) sendError(res, 500, "internal_error", "Something went wrong on our side. Please try again.");
      else res.destroy();
    }
  });
  // Longer than browsers' and load balancers' idle reuse (Node's 5 s default races them into ECONNRESETs).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0; // uploads may legitimately take long; idle sockets are reaped by keepAliveTimeout

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  // Transcoding runs here unless workers run elsewhere (`npm run worker`, PostgreSQL only).
  const worker = env.WORKER_IN_PROCESS ? startWorker() : undefined;
  const stopViewingFold = startViewingFold();
  const stopNotificationMail = startNotificationMail();
  const stopPlaybackPartitions = startPlaybackPartitions();
  const stopQualityFold = startQualityFold();
  const stopRealtimeRetention = startRealtimeRetention();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const where = databaseKind() === "pglite" ? `PGlite in ${dataDir}` : "PostgreSQL";
  console.log(`NormFlix ready on http://localhost:${port} (${dev ? "development" : "production"}, database: ${where})`);

  // First start on an empty database: seed the demo catalog while the site is already up.
  if (env.DEMO_CATALOG !== "off") {
    seedDemoCatalog({ video: env.DEMO_CATALOG === "on" }).catch((error: Error) =>
      console.error(`Demo catalog could not be seeded: ${error.message}`),
    );
  }

  const shutdown = (signal: string) => {
    if (draining) return;
    draining = true;
    console.log(`${signal} received: finishing in-flight requests`);
    const force = setTimeout(() => {
      console.error("shutdown timed out: closing the remaining connections");
      server.closeAllConnections();
    }, env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    // ffmpeg is killed and its job requeued now; the database must stay open until that is recorded.
    const workerStopped = worker?.stop();
    stopViewingFold();
    const notificationMailStopped = stopNotificationMail();
    stopPlaybackPartitions();
    stopQualityFold();
    stopRealtimeRetention();
    server.close(async () => {
      clearTimeout(force);
      await app.close().catch(() => undefined);
      await workerStopped;
      await notificationMailStopped;
      await flushApiLimits().catch((error: Error) => console.error(`rate-limit counts not saved: ${error.message}`));
      await closeDatabase();
      console.log("NormFlix stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
    // Open event streams would hold server.close() until the timeout: end them (clients reconnect to another instance).
    endRealtimeStreams();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch(async (error: Error) => {
  console.error(`NormFlix could not start: ${error.message}`);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
