// The security headers of every response, in one place: server.ts sets the baseline on everything it answers (API,
// media, artwork, static files, its own errors) and proxy.ts replaces the Content-Security-Policy of pages with one
// that carries the request's nonce.
import { env } from "@/lib/env";

const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "autoplay=(self)",
  "fullscreen=(self)",
  "picture-in-picture=(self)",
  "encrypted-media=(self)",
].join(", ");

/** Responses that are not pages (JSON, video, images) are never documents worth running anything in. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// Billing forms may end on Stripe's hosted pages (Checkout, Portal): without JavaScript a form's redirect there is
// subject to form-action.
function billingOrigins(): string[] {
  const origins = ["https://checkout.stripe.com", "https://billing.stripe.com"];
  if (env.STRIPE_API_BASE) origins.push(new URL(env.STRIPE_API_BASE).origin);
  return origins;
}

// Single sign-on buttons post to a server action that redirects to the provider's authorization page.
function ssoOrigins(): string[] {
  const origins: string[] = [];
  if (env.AUTH_GOOGLE_ID) origins.push("https://accounts.google.com");
  if (env.AUTH_APPLE_ID) origins.push("https://appleid.apple.com");
  if (env.OIDC_ISSUER) origins.push(new URL(env.OIDC_ISSUER).origin);
  return origins;
}

/**
 * A page's policy. Scripts: only Next's own, which it tags with the nonce ('strict-dynamic' lets them load their
 * chunks). Styles: inline style attributes are rendered by React and charts, so 'unsafe-inline' stays for styles only.
 * hls.js plays from blob: MediaSource URLs and may start blob: workers.
 */
export function pageCsp(nonce: string): string {
  const dev = env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${[...billingOrigins(), ...ssoOrigins()].join(" ")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce per page request. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * HSTS only where the browser really came over HTTPS: on this plain-HTTP server that is known only from a proxy we
 * trust (TRUST_PROXY) saying X-Forwarded-Proto: https. Sent over plain HTTP it would be ignored anyway, and on
 * localhost it would pin every port of it to HTTPS.
 */
export function cameOverHttps(forwardedProto: string | string[] | undefined): boolean {
  const proto = Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto;
  return env.TRUST_PROXY && proto?.split(",")[0].trim().toLowerCase() === "https";
}

/** The headers every response carries; `https` adds Strict-Transport-Security. */
export function baselineSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "content-security-policy": RESOURCE_CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
