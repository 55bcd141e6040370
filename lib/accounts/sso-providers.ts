import { env } from "@/lib/env";

// The single sign-on providers this instance is configured for (lib/env.ts): only these are offered on the sign-in
// pages and accepted by the identity rules. Their ids are next-auth's provider ids and the redirect URIs' last part
// (`/auth/callback/<id>`).

export type SsoProviderId = "google" | "apple" | "oidc";

export type SsoProvider = { id: SsoProviderId; name: string };

export const SSO_PROVIDER_IDS = ["google", "apple", "oidc"] as const satisfies readonly SsoProviderId[];

export function configuredSsoProviders(): SsoProvider[] {
  const providers: SsoProvider[] = [];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) providers.push({ id: "google", name: "Google" });
  if (env.AUTH_APPLE_ID && env.AUTH_APPLE_SECRET) providers.push({ id: "apple", name: "Apple" });
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) providers.push({ id: "oidc", name: env.OIDC_NAME });
  return providers;
}

/** The provider's display name, also for identities linked while a provider was configured that no longer is. */
export function ssoProviderName(id: string): string {
  if (id === "oidc") return env.OIDC_NAME;
  return id === "google" ? "Google" : id === "apple" ? "Apple" : id;
}
