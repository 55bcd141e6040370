import type { z } from "zod";
import type { ErrorCode } from "./errors";
import type { ApiLimitGroup } from "../rate-limit";

// One definition per endpoint: the wrapper validates requests with it and the OpenAPI document is built from it.
export type AnySchema = z.ZodType;

export type Endpoint = {
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** "admin": a bearer token of an account with the admin role (403 `forbidden` for anyone else). */
  auth: "required" | "admin" | "none";
  /**
   * The profile the call acts as, loaded and authorized once (lib/access/profile-access.ts) from the `{name}` path
   * segment, else `profile` in the query or body: "required", or "optional" for catalog reads that may name one.
   */
  profile?: "required" | "optional";
  /** Account, profile-management and billing endpoints: a site session watching as a kids profile gets 403 `kids_profile`. */
  accountHolder?: true;
  /** The rate-limit group; "none" for probes such as the health check. Defaults to "default". */
  limit?: ApiLimitGroup | "none";
  params?: AnySchema;
  query?: AnySchema;
  body?: AnySchema;
  response?: AnySchema;
  /** The success status when it is not 200 (e.g. 202 for work that continues after the answer). */
  status?: 201 | 202;
  /** The 200 response's media type when it is not JSON (the `response` schema then describes each message). */
  contentType?: string;
  errors?: readonly ErrorCode[];
  /**
   * Public catalog reads: the answer carries a strong ETag (304 to a matching If-None-Match), and is `public` with
   * `s-maxage` for shared caches (nginx, a CDN) when the caller sent no credentials, else `private`.
   */
  publicCache?: true;
};

/** Declares an endpoint, keeping its literal types (auth mode, schemas) for the handler's context. */
export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition;
}
