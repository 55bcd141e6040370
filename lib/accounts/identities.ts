import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { findAccountByEmail, findAccountById, insertAccount } from "@/db/queries/accounts";
import { deleteAccountData } from "@/db/queries/account-data";
import { deleteIdentityKeepingAWayIn, findIdentity, insertIdentity, listIdentities } from "@/db/queries/identities";
import type { Account } from "@/db/schema";
import { ApiError, uniqueViolation } from "@/lib/api/errors";
import { authSecret } from "@/lib/site/auth-secret";
import { mailVerificationLink } from "./email-verification";
import { startLoginAttempt } from "./login-throttle";
import { verifyPassword } from "./password";
import { noteSignIn, recordSecurityEvent } from "./security-events";
import { createWebSession, type Principal } from "./sessions";
import { configuredSsoProviders, ssoProviderName } from "./sso-providers";
import { verifySecondFactor, type SecondFactor } from "./two-factor";

// Single sign-on identities (Google, Apple, a generic OpenID Connect issuer) and the rules that tie them to accounts:
// - an identity already linked signs in to its account;
// - a first sign-in whose email no account uses creates an account (its email verified when the provider says so);
// - an address some account already uses is linked to it only when the provider says the address is verified AND the
//   person then gives that account's password (and its second factor, when on): the link request is a signed,
//   short-lived token carrying the identity to that page. An unverified address never reaches an existing account.
// - an identity can be unlinked while the account keeps another way in (a password or another identity).

type Device = { ip: string; userAgent?: string };

/** What a provider said about who signed in (its ID token or userinfo claims). */
export type SsoClaims = { provider: string; subject: string; email?: string | null; emailVerified: boolean; name?: string | null };

export type SsoSignIn =
  | { kind: "signed_in"; account: Account; created: boolean; token: string; sessionId: string }
  | { kind: "link_required"; linkToken: string; email: string }
  /** A linked identity of an account with two-factor sign-in: its code is asked for (the same signed request). */
  | { kind: "second_factor_required"; linkToken: string; email: string };

const LINK_TTL_MS = 15 * 60_000;

// `k: "code"`: the identity is linked already, and the request only asks for the account's second factor.
const linkRequest = z.object({ p: z.string(), s: z.string(), e: z.string(), a: z.uuid(), x: z.number(), k: z.literal("code").optional() });

const linkSignature = (payload: string) => createHmac("sha256", authSecret()).update(`sso-link:${payload}`).digest("base64url");

function linkTokenFor(claims: Pick<SsoClaims, "provider" | "subject"> & { email: string }, accountId: string, codeOnly = false): string {
  const payload = Buffer.from(
    JSON.stringify({ p: claims.provider, s: claims.subject, e: claims.email, a: accountId, x: Date.now() + LINK_TTL_MS, ...(codeOnly && { k: "code" }) }),
  ).toString("base64url");
  return `${payload}.${linkSignature(payload)}`;
}

/** The identity a link request names, when its signature is genuine and it has not expired. */
export function readLinkRequest(token: string): { provider: string; subject: string; email: string; accountId: string; codeOnly: boolean } | undefined {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(linkSignature(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const parsed = linkRequest.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  if (!parsed.success || parsed.data.x < Date.now()) return undefined;
  return { provider: parsed.data.p, subject: parsed.data.s, email: parsed.data.e, accountId: parsed.data.a, codeOnly: parsed.data.k === "code" };
}

/** What the link page shows: the provider, the address, and whether the account also asks for a code. */
export async function linkRequestDetails(token: string) {
  const request = readLinkRequest(token);
  const account = request && (await findAccountById(request.accountId));
  if (!request || !account) return undefined;
  return { providerName: ssoProviderName(request.provider), email: request.email, twoFactor: account.totpEnabledAt !== null, codeOnly: request.codeOnly };
}

function assertConfigured(provider: string) {
  if (!configuredSsoProviders().some((configured) => configured.id === provider)) {
    throw new ApiError("forbidden", "This sign-in provider is not configured.");
  }
}

async function signedIn(account: Account, provider: string, device: Device, created: boolean): Promise<SsoSignIn> {
  const web = await createWebSession(account.id, device);
  await noteSignIn(account.id, web, provider);
  return { kind: "signed_in", account, created, token: web.token, sessionId: web.session.id };
}

/** A free username like the address's local part (3–32 of letters, digits, `.`, `_`, `-`). */
function usernameCandidates(claims: SsoClaims & { email: string }): string[] {
  const base =
    claims.email
      .split("@")[0]
      .replace(/[^A-Za-z0-9_.-]+/g, "")
      .replace(/^[^A-Za-z0-9]+/, "")
      .slice(0, 24) || "member";
  const padded = base.length < 3 ? `${base}_member`.slice(0, 24) : base;
  return [padded, ...Array.from({ length: 4 }, () => `${padded}_${randomBytes(3).toString("hex")}`)];
}

/** A new account for a first sign-in: no password, the identity linked, the email verified when the provider says so. */
async function accountForNewIdentity(claims: SsoClaims & { email: string }): Promise<Account | undefined> {
  for (const username of usernameCandidates(claims)) {
    let account: Account;
    try {
      account = await insertAccount({ username, email: claims.email, passwordHash: null, emailVerifiedAt: claims.emailVerified ? new Date() : null });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint?.includes("username")) continue;
      if (constraint?.includes("email")) return undefined; // an account took the address meanwhile
      throw error;
    }
    try {
      await insertIdentity({ provider: claims.provider, subject: claims.subject, accountId: account.id, email: claims.email });
    } catch (error) {
      // The same identity's first sign-in in another tab won: that account is the one, this one goes.
      await deleteAccountData(account.id);
      if (uniqueViolation(error) !== undefined) return undefined;
      throw error;
    }
    if (!claims.emailVerified) await mailVerificationLink(account.id).catch((e: Error) => console.error(`verification mail failed: ${e.message}`));
    return account;
  }
  throw new ApiError("username_taken", "No free username could be made from this address. Sign up with a username instead.");
}

/**
 * A sign-in through a provider: the identity's account (made on a first sign-in when the address is new), with a new
 * web session; or, when the address belongs to an account and the provider vouches for it, a link request to confirm
 * with that account's password. Refused when the address is unverified and taken, missing, or the account disabled.
 */
export async function signInWithSso(claims: SsoClaims, device: Device): Promise<SsoSignIn> {
  assertConfigured(claims.provider);
  for (let attempt = 0; attempt < 2; attempt++) {
    const identity = await findIdentity(claims.provider, claims.subject);
    if (identity) {
      const account = await findAccountById(identity.accountId);
      if (!account || account.disabledAt) throw new ApiError("invalid_credentials", "This account is disabled.");
      // The provider vouches for the identity, not for the account's second factor: that is asked for as after a password.
      if (account.totpEnabledAt) {
        return { kind: "second_factor_required", linkToken: linkTokenFor({ ...claims, email: account.email }, account.id, true), email: account.email };
      }
      return signedIn(account, claims.provider, device, false);
    }
    const email = claims.email?.trim();
    if (!email) throw new ApiError("identity_email_missing", `${ssoProviderName(claims.provider)} did not share an email address, which NormFlix needs.`);
    const withEmail = { ...claims, email };
    const existing = await findAccountByEmail(email);
    if (existing) {
      if (!claims.emailVerified) {
        throw new ApiError(
          "identity_email_unverified",
          `An account already uses ${email}, and ${ssoProviderName(claims.provider)} does not say this address is verified, so it cannot be linked. Sign in with your password.`,
        );
      }
      return { kind: "link_required", linkToken: linkTokenFor(withEmail, existing.id), email };
    }
    const created = await accountForNewIdentity(withEmail);
    if (created) return signedIn(created, claims.provider, device, true);
    // Someone else's sign-in made the identity or took the address meanwhile: decide again from the stored state.
  }
  throw new ApiError("conflict", "Signing in collided with another sign-in. Please try again.");
}

/**
 * Links the identity of a link request to its account once the person proves they hold the account: its password
 * (through the failed-sign-in throttle) and its second factor when on. Signs them in.
 */
export async function linkIdentityWithPassword(linkToken: string, input: { password?: string } & SecondFactor, device: Device): Promise<SsoSignIn & { kind: "signed_in" }> {
  const request = readLinkRequest(linkToken);
  if (!request) throw new ApiError("link_request_invalid", "This link request has expired. Sign in with your provider again.");
  assertConfigured(request.provider);
  if (request.codeOnly) return signInWithSecondFactor(request, input, device);
  const account = await findAccountById(request.accountId);
  if (!account || account.email.toLowerCase() !== request.email.toLowerCase()) {
    throw new ApiError("link_request_invalid", "This account's address has changed since. Sign in with your provider again.");
  }
  const attempt = await startLoginAttempt(account.username, device.ip);
  if (!input.password || !(await verifyPassword(account.passwordHash, input.password)) || account.disabledAt) {
    throw new ApiError("current_password_incorrect", "That is not this account's password.");
  }
  await attempt.succeeded();
  await verifySecondFactor(account, input, device);
  try {
    await insertIdentity({ provider: request.provider, subject: request.subject, accountId: account.id, email: request.email });
  } catch (error) {
    if (uniqueViolation(error) === undefined) throw error;
    const linked = await findIdentity(request.provider, request.subject);
    if (linked?.accountId !== account.id) {
      throw new ApiError("identity_in_use", `This account is already linked to another ${ssoProviderName(request.provider)} identity, or that identity to another account.`);
    }
  }
  await recordSecurityEvent(account.id, "identity_linked", device, undefined, request.provider);
  return (await signedIn(account, request.provider, device, false)) as SsoSignIn & { kind: "signed_in" };
}

/** A linked identity's sign-in to an account with two-factor sign-in on, completed by its code (rate-limited, single use). */
async function signInWithSecondFactor(request: NonNullable<ReturnType<typeof readLinkRequest>>, input: SecondFactor, device: Device) {
  const identity = await findIdentity(request.provider, request.subject);
  const account = identity?.accountId === request.accountId ? await findAccountById(request.accountId) : undefined;
  if (!account || account.disabledAt) throw new ApiError("link_request_invalid", "This sign-in request is no longer valid. Sign in with your provider again.");
  await verifySecondFactor(account, input, device);
  return (await signedIn(account, request.provider, device, false)) as SsoSignIn & { kind: "signed_in" };
}

/** The account's linked identities, as the API and /account/security show them. */
export async function identitiesOf(accountId: string, page = { limit: 100, offset: 0 }) {
  const rows = await listIdentities(accountId);
  const items = rows.slice(page.offset, page.offset + page.limit).map((row) => ({
    provider: row.provider,
    provider_name: ssoProviderName(row.provider),
    subject: row.subject,
    email: row.email,
    created_at: row.createdAt.toISOString(),
  }));
  return { items, total: rows.length, limit: page.limit, offset: page.offset };
}

/** Unlinks the account's identity at `provider`; 409 `last_sign_in_method` when nothing else would let it in. */
export async function unlinkIdentity(principal: Principal, provider: string, device: Device): Promise<void> {
  const outcome = await deleteIdentityKeepingAWayIn(principal.accountId, provider);
  if (outcome === "not_found") throw new ApiError("identity_not_found", "This account has no identity linked at that provider.");
  if (outcome === "last_way_in") {
    throw new ApiError(
      "last_sign_in_method",
      "This identity is the account's only way to sign in. Set a password (Forgot password) or link another identity first.",
    );
  }
  await recordSecurityEvent(principal.accountId, "identity_unlinked", device, principal.sessionId, provider);
}
