// Pages get a Content-Security-Policy with a fresh nonce; Next reads it from the request's CSP header and puts it
// on its own scripts. Every other header (and the CSP of non-page responses) is set by server.ts.
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, pageCsp } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = pageCsp(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: API, auth, media, artwork and Next's static files keep server.ts's policy for resources.
  matcher: ["/((?!api/|auth/|media/|artwork/|_next/static|_next/image|favicon.ico).*)"],
};
