import "server-only";
import type { NextAuthConfig } from "next-auth";
import Apple from "next-auth/providers/apple";
import Google from "next-auth/providers/google";
import type { OIDCConfig } from "next-auth/providers";
import type { SsoClaims } from "@/lib/accounts/identities";
import { configuredSsoProviders, SSO_PROVIDER_IDS } from "@/lib/accounts/sso-providers";
import { env } from "@/lib/env";

// next-auth's providers for the single sign-on issuers configured in the environment (lib/accounts/sso-providers.ts).
// Redirect URIs are `<site>/auth/callback/<id>` (next-auth's basePath is /auth).

type Providers = NonNullable<NextAuthConfig["providers"]>;

export function ssoProviders(): Providers {
  const providers: Providers = [];
  for (const { id } of configuredSsoProviders()) {
    if (id === "google") providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
    if (id === "apple") providers.push(Apple({ clientId: env.AUTH_APPLE_ID, clientSecret: env.AUTH_APPLE_SECRET }));
    if (id === "oidc") {
      const generic: OIDCConfig<Record<string, unknown>> = {
        id: "oidc",
        name: env.OIDC_NAME,
        type: "oidc",
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        authorization: { params: { scope: "openid email profile" } },
        // Many issuers put email and email_verified only in userinfo: read it (the ID token is still validated).
        idToken: false,
        checks: ["pkce", "state", "nonce"],
      };
      providers.push(generic);
    }
  }
  return providers;
}

/**
 * Apple answers with a cross-site form POST, which carries no SameSite=Lax cookie: with Apple configured, the
 * sign-in's short-lived check cookies are SameSite=None (Secure, so HTTPS only — which Apple requires anyway).
 */
export function ssoCookies(): NextAuthConfig["cookies"] {
  if (!configuredSsoProviders().some((provider) => provider.id === "apple")) return undefined;
  const crossSite = { options: { httpOnly: true, sameSite: "none" as const, path: "/", secure: true } };
  return { pkceCodeVerifier: crossSite, state: crossSite, nonce: crossSite } as NextAuthConfig["cookies"];
}

export const isSsoProvider = (id: string | undefined): id is (typeof SSO_PROVIDER_IDS)[number] =>
  (SSO_PROVIDER_IDS as readonly string[]).includes(id ?? "");

/** Apple sends email_verified as "true" or true; anything else is not verified. */
const isTrue = (value: unknown) => value === true || value === "true";

/** What the rules need from the provider's claims (next-auth hands them over as `profile`). */
export function claimsOf(provider: string, subject: string, profile: Record<string, unknown> | undefined): SsoClaims {
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  return {
    provider,
    subject,
    email: text(profile?.email),
    emailVerified: isTrue(profile?.email_verified),
    name: text(profile?.name),
  };
}
