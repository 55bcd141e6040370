import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { authenticateToken, type Principal } from "@/lib/accounts/sessions";
import { actAsProfile, assertAccountHolder, type Credential } from "@/lib/access/profile-access";
import type { Viewer } from "@/lib/access/rules";
import { requireAdmin } from "@/lib/admin/guard";
import { forgetCatalog } from "@/lib/catalog/cache";
import { env } from "@/lib/env";
import { consumeApiLimit, retryAfterSeconds } from "@/lib/rate-limit";
import { SITE_SESSION_COOKIE } from "@/lib/site/auth";
import { selectedProfile } from "@/lib/site/profile-selection";
import { currentPrincipal } from "@/lib/site/session";
import type { AnySchema, Endpoint } from "./endpoint";
import { ApiError, errorResponse, isDatabaseUnavailable } from "./errors";
import { nulPath } from "./nul-path";
import { fieldNamesOf } from "./openapi";
import { CLIENT_IP_HEADER, GET_BODY_HEADER } from "./internal-headers";
import { readRawBody } from "./raw-body";
import { siteHost } from "./site-host";

/** Carries the token from POST /api/profiles/{name}/unlock when acting as a locked profile. */
const PROFILE_TOKEN_HEADER = "x-profile-token";

type Out<S> = S extends AnySchema ? z.output<S> : undefined;

export type ApiContext<E extends Endpoint> = {
  req: NextRequest;
  params: Out<E["params"]>;
  query: Out<E["query"]>;
  body: Out<E["body"]>;
  principal: E["auth"] extends "required" | "admin" ? Principal : Principal | undefined;
  /** How the principal signed in (undefined without one). */
  credential: E["auth"] extends "required" | "admin" ? Credential : Credential | undefined;
  /** The principal acting as the profile the call names (see Endpoint.profile). */
  viewer: E["profile"] extends "required" ? Viewer : Viewer | undefined;
  ip: string;
  userAgent: string | undefined;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** Wraps a route handler: bearer (or site session) auth, rate limits, zod validation and the error envelope. */
export function withApi<E extends Endpoint>(definition: E, handler: (ctx: ApiContext<E>) => Promise<unknown>) {
  return async (req: NextRequest, routeContext: RouteContext): Promise<Response> => {
    const headers = new Headers({ "x-request-id": randomUUID(), "cache-control": "no-store" });
    // An admin write drops this instance's catalog cache before it answers (the others hear of it by NOTIFY), so
    // the admin's next read here is never older than the write.
    const catalogWrite = definition.auth === "admin" && UNSAFE_METHODS.has(req.method);
    try {
      const ip = req.headers.get(CLIENT_IP_HEADER) ?? "unknown";
      const { principal, credential, refusal } = await callerFrom(req);

      const group = definition.limit ?? "default";
      if (group !== "none") {
        const client = principal ? `a:${principal.accountId}` : `ip:${ip}`;
        const limit = await consumeApiLimit(group, client);
        headers.set("X-RateLimit-Limit", String(limit.limit));
        headers.set("X-RateLimit-Remaining", String(limit.remaining));
        headers.set("X-RateLimit-Reset", String(Math.ceil(limit.resetAt.getTime() / 1000)));
        if (limit.exceeded) {
          throw new ApiError("rate_limited", undefined, undefined, { "Retry-After": String(retryAfterSeconds(limit)) });
        }
      }

      if (definition.auth !== "none" && !principal) throw new ApiError("forbidden", refusal);
      // Checked before validation: a non-admin learns nothing about an admin endpoint's inputs.
      if (definition.auth === "admin") requireAdmin(principal);
      if ((definition.accountHolder || definition.auth === "admin") && credential) assertAccountHolder(credential);

      const params = validate(definition.params, await routeContext.params, "path");
      refuseUnknownParameters(definition, req.nextUrl.searchParams);
      const query = validate(definition.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const body = definition.body ? validate(definition.body, await readJsonBody(req), "body") : undefined;
      const ctx = {
        req,
        ip,
        userAgent: req.headers.get("user-agent") ?? undefined,
        principal,
        credential,
        viewer: await viewerFor(definition, principal, credential, req, [field(params, "name"), field(query, "profile"), field(body, "profile")]),
        params,
        query,
        body,
      } as ApiContext<E>;

      const result = await handler(ctx).finally(() => catalogWrite && forgetCatalog());
      if (definition.publicCache && !(result instanceof Response)) {
        const anonymous = !principal && !req.headers.has("authorization") && !req.headers.has("cookie");
        return cacheableJson(req, result ?? {}, headers, anonymous);
      }
      const response = result instanceof Response ? result : Response.json(result ?? {}, { status: definition.status ?? 200 });
      headers.forEach((value, name) => {
        if (!response.headers.has(name)) response.headers.set(name, value);
      });
      return response;
    } catch (error) {
      return errorResponse(toApiError(error, headers.get("x-request-id")!), headers);
    }
  };
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Shared caches keep an anonymous catalog answer this long, then serve it stale while fetching a new one. */
export const CATALOG_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=30";

/**
 * A JSON answer with a strong ETag (the body's SHA-256), 304 when the client holds it. Anonymous answers may be kept
 * by shared caches; a caller's own (a bearer token, a site session, a profile) only by that caller, revalidated.
 */
function cacheableJson(req: NextRequest, result: unknown, headers: Headers, anonymous: boolean): Response {
  const body = JSON.stringify(result);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  headers.set("etag", etag);
  headers.set("cache-control", anonymous ? CATALOG_CACHE_CONTROL : "private, no-cache");
  headers.set("vary", "Authorization, Cookie");
  const held = req.headers.get("if-none-match");
  if (held && held.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")) return new Response(null, { status: 304, headers });
  headers.set("content-type", "application/json");
  return new Response(body, { status: 200, headers });
}
const CROSS_SITE_REFUSAL = "Cross-site requests cannot use the site's session; send a bearer token.";

type Caller = { principal?: Principal; credential?: Credential; refusal?: string };

/**
 * The caller: a bearer token when there is an Authorization header, else the site's session cookie (so the site's
 * own scripts can call the API). A cookie rides along on cross-site requests too, so state-changing calls made with it
 * must come from this origin (CSRF protection), and a cross-site GET (a link or an image on a foreign page, which
 * could start streams) is served as if signed out; bearer tokens are never sent by browsers on their own.
 */
async function callerFrom(req: NextRequest): Promise<Caller> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const principal = match ? await authenticateToken(match[1]) : undefined;
    return principal ? { principal, credential: { kind: "bearer" } } : {};
  }
  if (!req.cookies.getAll().some((cookie) => SITE_SESSION_COOKIE.test(cookie.name))) return {};
  const unsafe = UNSAFE_METHODS.has(req.method);
  if (!unsafe && req.headers.get("sec-fetch-site") === "cross-site") return { refusal: CROSS_SITE_REFUSAL };
  const principal = await currentPrincipal();
  if (!principal) return {};
  if (unsafe) {
    const origin = req.headers.get("origin");
    const sameOrigin = origin ? hostOf(origin) === siteHost(req) : req.headers.get("sec-fetch-site") === "same-origin";
    if (!sameOrigin) throw new ApiError("forbidden", CROSS_SITE_REFUSAL);
  }
  return { principal, credential: { kind: "cookie", selected: await selectedProfile(principal) } };
}

/** The profile named by the path's `{name}`, else by `profile` in the query or the body, acted as by the principal. */
async function viewerFor(
  definition: Endpoint,
  principal: Principal | undefined,
  credential: Credential | undefined,
  req: NextRequest,
  names: unknown[],
): Promise<Viewer | undefined> {
  if (!definition.profile) return undefined;
  const name = names.find((value): value is string => typeof value === "string");
  if (name === undefined) {
    if (definition.profile === "required") throw new ApiError("validation_failed", "Name the profile that acts.");
    return undefined;
  }
  if (!principal || !credential) throw new ApiError("forbidden", "A bearer token is needed to act as a profile.");
  return actAsProfile(principal, name, credential, req.headers.get(PROFILE_TOKEN_HEADER));
}

const field = (input: unknown, name: string): unknown => (input as Record<string, unknown> | undefined)?.[name];

const hostOf = (origin: string) => URL.canParse(origin) ? new URL(origin).host : undefined;


const queryNames = new WeakMap<Endpoint, Set<string>>();

/**
 * A query parameter the endpoint does not declare is refused (422 `unknown_parameter`, naming it), as Stripe's API
 * does, never silently ignored. GET endpoints with a body schema take its fields as query parameters too.
 */
function refuseUnknownParameters(definition: Endpoint, searchParams: URLSearchParams) {
  let known = queryNames.get(definition);
  if (!known) {
    const fromBody = definition.method === "GET" || definition.method === "HEAD" ? fieldNamesOf(definition.body) : [];
    known = new Set([...fieldNamesOf(definition.query), ...fromBody]);
    queryNames.set(definition, known);
  }
  const unknown = [...new Set(searchParams.keys())].filter((name) => !known.has(name));
  if (unknown.length === 0) return;
  const accepted = known.size > 0 ? `It accepts ${[...known].join(", ")}.` : "It takes no query parameters.";
  throw new ApiError(
    "unknown_parameter",
    `Unknown query parameter${unknown.length > 1 ? "s" : ""}: ${unknown.map((name) => JSON.stringify(name)).join(", ")}. ${accepted}`,
    unknown.map((name) => ({ field: `query.${name}`, message: "This endpoint does not take this parameter." })),
  );
}

function validate<S extends AnySchema | undefined>(schema: S, input: unknown, location: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      field: [location, ...issue.path.map(String)].join("."),
      message: issue.message,
    }));
    throw new ApiError("validation_failed", `The request ${location} is invalid: ${details[0].field}: ${details[0].message}`, details);
  }
  const nul = nulPath(parsed.data);
  if (nul) {
    const field = [location, ...nul].join(".");
    throw new ApiError("validation_failed", `The request ${location} is invalid: ${field}: NUL characters are not allowed.`, [
      { field, message: "NUL characters are not allowed." },
    ]);
  }
  return parsed.data as Out<S>;
}

/** The JSON body, read with a byte cap. GET bodies arrive from server.ts in an internal header (Next drops them). */
async function readJsonBody(req: NextRequest): Promise<unknown> {
  const text = await readBodyText(req);
  if (text.trim() === "") {
    // GET routes take the same fields as query parameters when there is no body.
    return req.method === "GET" ? Object.fromEntries(req.nextUrl.searchParams) : {};
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
}

async function readBodyText(req: NextRequest): Promise<string> {
  if (req.method === "GET" || req.method === "HEAD") {
    const encoded = req.headers.get(GET_BODY_HEADER);
    return encoded ? Buffer.from(encoded, "base64url").toString("utf8") : "";
  }
  return (await readRawBody(req, env.MAX_BODY_BYTES)).toString("utf8");
}

function toApiError(error: unknown, requestId: string): ApiError {
  if (error instanceof ApiError) return error;
  if (isDatabaseUnavailable(error)) {
    console.error(`[${requestId}] database unavailable: ${describe(error)}`);
    return new ApiError("service_unavailable", undefined, undefined, { "Retry-After": "5" });
  }
  console.error(`[${requestId}] unhandled error: ${describe(error)}`);
  return new ApiError("internal_error");
}

// Logs name, code and message only: never a stack trace or a query's parameters.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? ` (cause: ${describe(error.cause)})` : "";
  return `${error.name}${code ? ` ${String(code)}` : ""}: ${error.message.split("\n")[0].slice(0, 300)}${cause}`;
}
