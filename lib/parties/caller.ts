import "server-only";
import { actAsProfile } from "@/lib/access/profile-access";
import type { ApiContext } from "@/lib/api/with-api";
import type { Endpoint } from "@/lib/api/endpoint";
import type { Caller } from "./parties";

const PROFILE_TOKEN_HEADER = "x-profile-token";

/** The party caller of an authenticated API call (its viewer, when it named a profile). */
export function callerOf(ctx: ApiContext<Endpoint & { auth: "required" }>): Caller {
  return { principal: ctx.principal, credential: ctx.credential, viewer: ctx.viewer };
}

/** The same, for an endpoint whose body's `profile` is not the actor: the actor comes from `?profile=` only. */
export async function actingCallerOf(ctx: ApiContext<Endpoint & { auth: "required" }>, profile: string | undefined): Promise<Caller> {
  const viewer = profile === undefined ? undefined : await actAsProfile(ctx.principal, profile, ctx.credential, ctx.req.headers.get(PROFILE_TOKEN_HEADER));
  return { principal: ctx.principal, credential: ctx.credential, viewer };
}
