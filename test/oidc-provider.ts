// A real OpenID Connect provider for tests (panva's `oidc-provider`, the certified implementation), started locally on
// a free port with one confidential client. Its sign-in page is oidc-provider's development login form; the login
// typed there names the person and what the provider says about them (see identityLogin), so tests in any process
// (vitest, Playwright's workers, a browser) control `email` and `email_verified` without sharing state. Consent is
// granted at once for the test client, as a first-party client would be.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export const OIDC_CLIENT_ID = "normflix-tests";
export const OIDC_CLIENT_SECRET = "normflix-tests-secret-that-is-long-enough";

export type TestIdentity = { subject: string; email?: string; emailVerified: boolean; name?: string };

/** The login to type on the provider's form for this identity (its subject, address and whether it is verified). */
export const identityLogin = (identity: TestIdentity) =>
  [identity.subject, identity.email ?? "", identity.emailVerified ? "verified" : "unverified", identity.name ?? ""].join("~");

function identityOf(login: string): TestIdentity {
  const [subject, email, verified, name] = login.split("~");
  return { subject, email: email || undefined, emailVerified: verified === "verified", name: name || undefined };
}

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the redirect URI of a NormFlix server (known only once it runs): `<server>/auth/callback/oidc`. */
  allowRedirectTo: (redirectUri: string) => void;
  stop: () => Promise<void>;
};

/** The environment a NormFlix server needs to offer this provider as its generic OpenID Connect issuer. */
export const oidcEnv = (provider: TestOidcProvider, name = "Test ID") => ({
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: provider.clientId,
  OIDC_CLIENT_SECRET: provider.clientSecret,
  OIDC_NAME: name,
});

function createProvider(issuer: string, redirectUris: string[]) {
  return new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const identity = identityOf(id);
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(identity.email ? { email: identity.email, email_verified: identity.emailVerified } : {}),
            ...(identity.name ? { name: identity.name } : {}),
          };
        },
      };
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["normflix-test-oidc-cookie-key"] },
    // The test client is first-party: its grant is made at once instead of asking for consent.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
}

/** Starts the provider on `port` (default: a free one) of 127.0.0.1. */
export async function startOidcProvider(options: { port?: number } = {}): Promise<TestOidcProvider> {
  const redirectUris = new Set<string>();
  let provider: Provider | undefined;
  let handler: ReturnType<Provider["callback"]> | undefined;
  const server = http.createServer((request, response) => {
    if (!handler) {
      response.writeHead(503).end("no client registered yet");
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    allowRedirectTo(redirectUri) {
      redirectUris.add(redirectUri);
      // Clients are fixed at construction: a new redirect URI makes a new provider (sign-ins in progress start over).
      provider = createProvider(issuer, [...redirectUris]);
      handler = provider.callback();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
