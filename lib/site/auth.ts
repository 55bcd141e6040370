import "server-only";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "@/lib/accounts/accounts";
import { linkIdentityWithPassword, signInWithSso } from "@/lib/accounts/identities";
import { noteSignIn } from "@/lib/accounts/security-events";
import { accountOfChallenge, signInChallenge, verifySecondFactor } from "@/lib/accounts/two-factor";
import { authenticateToken, createWebSession, signOutDevice, type Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { CLIENT_IP_HEADER } from "@/lib/api/internal-headers";
import { env } from "@/lib/env";
import { authSecret } from "./auth-secret";
import { clientDevice } from "./client-ip";
import { claimsOf, isSsoProvider, ssoCookies, ssoProviders } from "./sso";

// Site sessions. The encrypted JWT cookie carries a web session's opaque token (a row of the same `sessions` table as
// API tokens); every request re-checks that row, so revoking a device, changing the password or disabling the account
// signs the browser out at once. Even a leaked AUTH_SECRET cannot mint sessions: the row's token is random.

declare module "next-auth" {
  interface Session extends DefaultSession {
    principal?: Principal;
  }
  interface User {
    webToken?: string;
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    webToken?: string;
    sid?: string;
    principal?: Principal;
  }
}

/** A failed sign-in whose reason the sign-in form shows as it is. */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly code: string,
    readonly userMessage: string,
    /** two_factor_required after the right password: what the code form sends back instead of the password. */
    readonly challenge?: string,
  ) {
    super(userMessage);
  }
}

/** next-auth's session cookie (`authjs.session-token`, `__Secure-` prefixed over HTTPS, `.0`, `.1`… when chunked). */
export const SITE_SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

// The first form sends the username and password; with two-factor sign-in on, the second sends the username, the
// challenge the first answered (lib/accounts/two-factor.ts) and the code.
const credentials = z.union([
  z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024), code: z.undefined().optional() }),
  z.object({ username: z.string().trim().min(1).max(100), challenge: z.string().min(1).max(512), code: z.string().trim().min(1).max(64) }),
]);

/** One field takes either kind of code: six digits are an authenticator's, anything else a recovery code. */
const secondFactorOf = (code: string) => (/^\d{3}\s?\d{3}$/.test(code) ? { otp: code } : { recovery_code: code });

// The page confirming a link (app/(site)/signin/link) sends the link request, the account's password and, with
// two-factor sign-in on, a code.
const linkForm = z.object({
  request: z.string().min(1).max(4096),
  password: z.string().min(1).max(1024).optional(),
  code: z.string().trim().max(64).optional(),
});

const deviceOf = (request: Request) => ({
  ip: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
  userAgent: request.headers.get("user-agent") ?? undefined,
});

/** next-auth's user for a web session: the session's token rides in the encrypted cookie (the jwt callback). */
const webUser = (account: { id: string; username: string; email: string }, webToken: string, sessionId: string) => ({
  id: account.id,
  name: account.username,
  email: account.email,
  webToken,
  sessionId,
});

/** Where a refused single sign-on goes: the sign-in page, which says why (its `error` code). */
const refusedSsoUrl = (code: string) => `/signin?error=${encodeURIComponent(code)}`;

async function accountSigningIn(input: z.output<typeof credentials>, device: { ip: string; userAgent?: string }) {
  if ("password" in input) {
    const account = await verifyCredentials(input, device);
    if (account.totpEnabledAt) throw new SignInRefused("two_factor_required", "Enter the code from your authenticator app.", signInChallenge(account));
    return account;
  }
  const account = await accountOfChallenge(input.challenge);
  if (!account || account.username.toLowerCase() !== input.username.toLowerCase()) {
    throw new SignInRefused("invalid_credentials", "Your sign-in took too long. Enter your username and password again.");
  }
  try {
    await verifySecondFactor(account, secondFactorOf(input.code), device);
  } catch (error) {
    // Another try needs the challenge again (the form keeps it).
    if (error instanceof ApiError && error.code === "two_factor_required") throw new SignInRefused(error.code, error.message, input.challenge);
    throw error;
  }
  return account;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  basePath: "/auth",
  secret: authSecret(),
  // Self-hosted behind whatever host name the operator chose; AUTH_URL pins it when set.
  trustHost: true,
  session: { strategy: "jwt", maxAge: Math.ceil(env.WEB_SESSION_TTL_DAYS * 86_400) },
  pages: { signIn: "/signin", error: "/signin" },
  cookies: ssoCookies(),
  providers: [
    Credentials({
      credentials: { username: {}, password: {}, challenge: {}, code: {} },
      async authorize(input, request) {
        const parsed = credentials.safeParse(input);
        if (!parsed.success) throw new SignInRefused("invalid_credentials", "Enter your username and password.");
        const device = deviceOf(request);
        try {
          const account = await accountSigningIn(parsed.data, device);
          const created = await createWebSession(account.id, device);
          await noteSignIn(account.id, created);
          return webUser(account, created.token, created.session.id);
        } catch (error) {
          if (error instanceof SignInRefused) throw error;
          if (error instanceof ApiError) throw new SignInRefused(error.code, error.message);
          throw error;
        }
      },
    }),
    // Linking a single sign-on identity to the account that already uses its (verified) address, with its password.
    Credentials({
      id: "sso-link",
      credentials: { request: {}, password: {}, code: {} },
      async authorize(input, request) {
        const parsed = linkForm.safeParse(input);
        if (!parsed.success) throw new SignInRefused("invalid_credentials", "Enter your password.");
        const { request: linkRequest, password, code } = parsed.data;
        try {
          const signedIn = await linkIdentityWithPassword(linkRequest, { password, ...(code ? secondFactorOf(code) : {}) }, deviceOf(request));
          return webUser(signedIn.account, signedIn.token, signedIn.sessionId);
        } catch (error) {
          if (error instanceof ApiError) throw new SignInRefused(error.code, error.message);
          throw error;
        }
      },
    }),
    ...ssoProviders(),
  ],
  callbacks: {
    // A single sign-on: the identity rules (lib/accounts/identities.ts) decide, and a web session is made as for a
    // password. The user object is the one the jwt callback receives next, so it carries the session's token there.
    async signIn({ user, account, profile }) {
      if (!account || !isSsoProvider(account.provider)) return true;
      try {
        const outcome = await signInWithSso(claimsOf(account.provider, account.providerAccountId, profile), await clientDevice());
        if (outcome.kind !== "signed_in") return `/signin/link?request=${encodeURIComponent(outcome.linkToken)}`;
        Object.assign(user, webUser(outcome.account, outcome.token, outcome.sessionId));
        return true;
      } catch (error) {
        if (error instanceof ApiError) return refusedSsoUrl(error.code);
        throw error;
      }
    },
    async jwt({ token, user }) {
      if (user?.webToken) return { ...token, webToken: user.webToken, sid: user.sessionId };
      // Every read of the session checks its row: revoked, expired or disabled → signed out.
      const principal = token.webToken ? await authenticateToken(token.webToken) : undefined;
      return principal ? { ...token, principal } : null;
    },
    session({ session, token }) {
      return { ...session, principal: token.principal };
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token?.webToken : undefined;
      const principal = token ? await authenticateToken(token) : undefined;
      if (principal) await signOutDevice(principal, principal.sessionId).catch(() => undefined);
    },
  },
  logger: {
    // A wrong password is an answer for the user, not an error for the operator's log.
    error(error) {
      if (error instanceof CredentialsSignin || error.cause instanceof CredentialsSignin) return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
}));
