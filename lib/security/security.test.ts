import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { endpoints } from "@/app/api/endpoints";
import { api, createAccount, randomIp } from "@/test/http";
import { signInToSite } from "@/test/web-session";

// Security properties over the whole registry: headers on every kind of response, CSRF refusal of the site cookie on
// every unsafe endpoint, and rate-limit headers on every API group (sign-up and sign-in stricter).

const base = () => inject("baseUrl");
const UUID = "00000000-0000-4000-8000-000000000000";
const urlOf = (path: string) => path.replace(/\{\w+\}/g, UUID);
const unsafe = endpoints.filter((e) => ["POST", "PUT", "PATCH", "DELETE"].includes(e.method));

function expectSecurityHeaders(headers: Headers, what: string) {
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("x-frame-options"), what).toBe("DENY");
  expect(headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy"), what).toContain("camera=()");
  expect(headers.get("content-security-policy"), what).toContain("frame-ancestors 'none'");
}

describe("security headers", () => {
  it("give pages a CSP with a fresh nonce that Next puts on its scripts", async () => {
    const pages = await Promise.all([fetch(`${base()}/signin`), fetch(`${base()}/signin`)]);
    const nonces = [];
    for (const page of pages) {
      expectSecurityHeaders(page.headers, "page");
      const csp = page.headers.get("content-security-policy")!;
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).toContain("media-src 'self' blob:");
      expect(csp).toContain("worker-src 'self' blob:");
      const html = await page.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("are on API answers, errors, media, artwork and static files too", async () => {
    const html = await (await fetch(`${base()}/signin`)).text();
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1];
    const targets = ["/api/plans", "/api/does-not-exist", "/api/accounts/me", chunk, "/media/nothing/here.m3u8", "/artwork/none.svg", "/auth/csrf", "/no-such-page"];
    for (const target of targets) {
      const response = await fetch(base() + target);
      await response.arrayBuffer();
      expectSecurityHeaders(response.headers, target);
      expect(response.status, target).toBeLessThan(500);
    }
    // server.ts's own answers (413 before Next sees the request) carry them as well.
    const tooBig = await fetch(`${base()}/api/accounts/new`, { method: "POST", headers: { "content-type": "application/json", "content-length": String(64 * 1024 * 1024) }, body: "x".repeat(1024), duplex: "half" } as RequestInit).catch(() => undefined);
    if (tooBig) expectSecurityHeaders(tooBig.headers, "413");
  });

  it("send HSTS only when a trusted proxy says the request came over HTTPS", async () => {
    expect((await fetch(`${base()}/api/plans`)).headers.get("strict-transport-security")).toBeNull();
    const https = await fetch(`${base()}/api/plans`, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    const page = await fetch(`${base()}/signin`, { headers: { "x-forwarded-proto": "https" } });
    expect(page.headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });
});

describe("CSRF", () => {
  it("refuses the site cookie on every unsafe endpoint from another origin or with no origin, and changes nothing", async () => {
    const account = await createAccount();
    const cookie = await signInToSite(base(), account.username, account.password, randomIp());
    const me = async () => (await api("GET", "/api/accounts/me", { headers: { cookie } })).body;
    const devices = async () => (await api("GET", "/api/accounts/sessions", { token: account.token })).body.items.map((d: { id: string }) => d.id).sort();
    const [meBefore, devicesBefore] = [await me(), await devices()];
    expect(meBefore.username).toBe(account.username);

    expect(unsafe.length).toBeGreaterThan(10);
    for (const endpoint of unsafe) {
      const body = endpoint.body ? { email: `evil_${account.username}@example.com`, password: "evil password 123", subscription: "premium" } : undefined;
      const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, {}, { "sec-fetch-site": "cross-site" }, { referer: "https://evil.example/x" }];
      for (const headers of foreign) {
        const response = await api(endpoint.method, urlOf(endpoint.path), { body, headers: { cookie, ...headers } });
        const what = `${endpoint.method} ${endpoint.path} ${JSON.stringify(headers)}`;
        expect(response.status, what).toBe(403);
        expect(response.body.error.code, what).toBe("forbidden");
      }
    }
    // Nothing happened: same account, same devices (no sign-out), and the cookie still works.
    expect(await me()).toEqual(meBefore);
    expect(await devices()).toEqual(devicesBefore);
  });

  it("accepts the site cookie from the site's own origin", async () => {
    const account = await createAccount();
    const cookie = await signInToSite(base(), account.username, account.password, randomIp());
    // Past the CSRF check: validation answers (an empty email).
    const response = await api("PUT", "/api/accounts/email", { body: { email: "" }, headers: { cookie, origin: base() } });
    expect(response.status).toBe(422);
  });
});

describe("rate limits", () => {
  it("send X-RateLimit-* headers on every endpoint of every group, stricter for sign-up and sign-in", async () => {
    const limits = new Map<string, number>();
    const exempt = endpoints.filter((e) => e.limit === "none").map((e) => `${e.method} ${e.path}`);
    // Probes and Stripe's signed webhook only: a limit would make a load balancer or Stripe give up on a healthy server.
    expect(exempt.sort()).toEqual(["GET /api/health", "POST /api/billing/webhook"]);
    for (const endpoint of endpoints.filter((e) => e.limit !== "none")) {
      const response = await api(endpoint.method, urlOf(endpoint.path), { body: endpoint.body && endpoint.method !== "GET" ? {} : undefined, ip: randomIp() });
      const what = `${endpoint.method} ${endpoint.path}`;
      const limit = Number(response.headers.get("x-ratelimit-limit"));
      expect(limit, what).toBeGreaterThan(0);
      expect(Number(response.headers.get("x-ratelimit-remaining")), what).toBeGreaterThanOrEqual(0);
      expect(Number(response.headers.get("x-ratelimit-reset")), what).toBeGreaterThan(Date.now() / 1000 - 1);
      limits.set(endpoint.limit ?? "default", limit);
    }
    expect(limits.get("auth")).toBeLessThan(limits.get("default")!);
  });
});
