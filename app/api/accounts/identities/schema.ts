import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";

// Single sign-on identities linked to the account (Google, Apple, a generic OpenID Connect issuer): see the README's
// "Single sign-on" for how they are made and linked.

const tag = "Account security";

const identity = z.object({
  provider: z.string().describe("google, apple or oidc (the generic issuer)."),
  provider_name: z.string().describe("How the site names the provider (OIDC_NAME for the generic issuer)."),
  subject: z.string().describe("The provider's stable id of the person (its `sub` claim)."),
  email: z.string().nullable().describe("The address the provider gave when the identity was linked."),
  created_at: z.string(),
});

export const listIdentitiesEndpoint = endpoint({
  method: "GET",
  path: "/api/accounts/identities",
  summary: "The account's linked sign-in identities",
  description: "Identities at single sign-on providers that sign in to this account, oldest first.",
  tag,
  auth: "required",
  accountHolder: true,
  query: z.strictObject(pagination),
  response: listOf(identity),
  errors: ["forbidden", "validation_failed"],
});

export const unlinkIdentityEndpoint = endpoint({
  method: "DELETE",
  path: "/api/accounts/identities/{provider}",
  summary: "Unlink the account's identity at a provider",
  description:
    "Allowed while the account keeps another way in: a password or another identity. Otherwise 409 " +
    "`last_sign_in_method` (set a password with POST /api/accounts/password/forgot first). Logged as a security event.",
  tag,
  auth: "required",
  accountHolder: true,
  params: z.object({ provider: z.string().min(1).max(32).regex(/^[a-z0-9-]+$/, "A provider id: google, apple or oidc") }),
  response: z.object({ unlinked: z.literal(true) }),
  errors: ["forbidden", "identity_not_found", "last_sign_in_method", "validation_failed"],
});
