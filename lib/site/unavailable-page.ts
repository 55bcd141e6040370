import type http from "node:http";
import { databaseKind } from "../../db/client";
import { checkHealth } from "../health";

// While PostgreSQL is unreachable every page would fail half-way through rendering (a 500 and a generic error
// boundary). The custom server asks first (one `select 1` per page view) and answers an honest 503 with Retry-After,
// without touching Next. PGlite runs in-process and cannot be unreachable: a slow ping there only means it is busy.

const RETRY_AFTER_SECONDS = 5;

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}">
<title>Temporarily unavailable · NormFlix</title>
<style>
  body { margin: 0; min-height: 100dvh; display: grid; place-items: center; background: #141414; color: #fff;
         font-family: system-ui, sans-serif; text-align: center; }
  main { max-width: 32rem; padding: 1rem; }
  h1 { font-size: 1.875rem; font-weight: 600; }
  p { color: #a3a3a3; line-height: 1.5; }
  a { display: inline-block; margin-top: 1.5rem; padding: .625rem 1.25rem; border-radius: .375rem; background: #e50914;
      color: #fff; font-weight: 600; text-decoration: none; }
</style>
</head>
<body>
<main>
  <h1>NormFlix is temporarily unavailable</h1>
  <p>We cannot reach our database right now. This page will try again by itself in a few seconds.</p>
  <a href="">Try again</a>
</main>
</body>
</html>
`;

/** A browser asking for a page (or a client-side navigation's RSC payload), as opposed to the API, assets or media. */
export function isPageRequest(req: http.IncomingMessage): boolean {
  return isSiteRead(req) && (req.headers.rsc === "1" || (req.headers.accept ?? "").includes("text/html"));
}

/** A GET or HEAD of a site path (not the API, Next's assets, media or artwork), whatever the client accepts. */
export function isSiteRead(req: http.IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "/";
  return !(url.startsWith("/api/") || url.startsWith("/_next/") || url.startsWith("/media/") || url.startsWith("/artwork/"));
}

/** Answers the 503 page and returns true when PostgreSQL is unreachable; false (nothing sent) otherwise. */
export async function answerIfUnavailable(res: http.ServerResponse): Promise<boolean> {
  if (databaseKind() !== "postgres") return false;
  const reachable = await checkHealth().then(() => true, () => false);
  if (reachable) return false;
  res.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(RETRY_AFTER_SECONDS),
    // The baseline policy for non-pages forbids styles; this page's own inline style is all it loads.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  });
  res.end(page);
  return true;
}
