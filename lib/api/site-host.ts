import { env } from "@/lib/env";

/** This server's host as the browser sees it (behind a trusted proxy, the one it forwarded). */
export function siteHost(req: Request): string | null {
  return (env.TRUST_PROXY && req.headers.get("x-forwarded-host")?.split(",")[0].trim()) || req.headers.get("host");
}

/** The scheme the browser used: the request's own, or behind a trusted proxy the one it forwarded. */
export function siteProtocol(req: Request): string {
  const forwarded = env.TRUST_PROXY && req.headers.get("x-forwarded-proto")?.split(",")[0].trim();
  return forwarded === "https" || forwarded === "http" ? `${forwarded}:` : new URL(req.url).protocol;
}
