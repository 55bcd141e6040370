// GET|POST /auth/* – next-auth's own endpoints (session, csrf, sign-in, single sign-on callbacks, sign-out); outside
// /api, which is the JSON API.
import { NextRequest } from "next/server";
import { siteHost, siteProtocol } from "@/lib/api/site-host";
import { env } from "@/lib/env";
import { handlers } from "@/lib/site/auth";

/**
 * The request at the address the browser used (its Host, or a trusted proxy's X-Forwarded-Host/-Proto): next-auth
 * builds single sign-on redirect URIs from it, which must be the ones registered at the provider. AUTH_URL, when
 * set, wins (next-auth applies it itself). A plain Request, as NextRequest's URL turns 127.0.0.1 into localhost.
 */
function asTheBrowserSeesIt(request: NextRequest): NextRequest {
  const host = siteHost(request);
  if (env.AUTH_URL || !host) return request;
  const url = new URL(request.url);
  url.protocol = siteProtocol(request);
  url.host = host;
  const { method, headers, body } = request;
  return new Request(url, { method, headers, body, duplex: "half" } as RequestInit) as NextRequest;
}

export const GET = (request: NextRequest) => handlers.GET(asTheBrowserSeesIt(request));
export const POST = (request: NextRequest) => handlers.POST(asTheBrowserSeesIt(request));
