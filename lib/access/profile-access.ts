import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { findProfile } from "@/db/queries/profiles";
import type { Profile } from "@/db/schema";
import { verifyPassword } from "@/lib/accounts/password";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { reserve, resetLimit, retryAfterSeconds, type Limit } from "@/lib/rate-limit";
import { authSecret } from "@/lib/site/auth-secret";
import type { Viewer } from "./rules";

// Acting as a profile. A profile with a PIN is locked: a client unlocks it with the PIN for a profile token (the site
// unlocks it per browser by selecting it, lib/site/profile-selection.ts), and wrong PINs are throttled per profile,
// for the site and the API together. A site session watching as a kids profile can act as that profile only.

/** How long a profile token works. */
export const PROFILE_TOKEN_TTL_SECONDS = 4 * 3600;
const PIN_LIMIT: Limit = { max: 5, windowSeconds: 15 * 60 };
const TOKEN_PREFIX = "nfp_";

/** How the caller proved who they are: a bearer token, or the site's session cookie (and then, its chosen profile). */
export type Credential = { kind: "bearer" } | { kind: "cookie"; selected: Profile | undefined };

/**
 * Checks a locked profile's PIN. The attempt takes its slot before the PIN is compared (one atomic statement), so
 * parallel guesses cannot get past the limit; a right PIN clears the count.
 */
export async function checkPin(profile: Profile, pin: string): Promise<void> {
  if (!profile.pinHash) return;
  const key = `pin:${profile.id}`;
  const attempt = await reserve(key, PIN_LIMIT);
  if (attempt.exceeded) {
    const retryAfter = retryAfterSeconds(attempt);
    const minutes = Math.ceil(retryAfter / 60);
    throw new ApiError("rate_limited", `Too many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, undefined, {
      "Retry-After": String(retryAfter),
    });
  }
  if (!(await verifyPassword(profile.pinHash, pin))) throw new ApiError("pin_incorrect", "That PIN is not right.");
  await resetLimit(key);
}

function tokenMac(principal: Principal, profile: Profile, expires: number): string {
  const key = createHmac("sha256", authSecret()).update("normflix profile token").digest();
  // Bound to the caller's session and the PIN: it is useless with another token, and dies when the PIN changes.
  return createHmac("sha256", key).update(`${principal.sessionId}\n${profile.id}\n${profile.pinHash ?? ""}\n${expires}`).digest("base64url");
}

/** POST /api/profiles/{name}/unlock: the PIN for a short-lived token that lets this session act as the profile. */
export async function unlockProfile(principal: Principal, name: string, pin: string, now = Date.now()) {
  const profile = await findProfile(principal.accountId, name);
  if (!profile) throw new ApiError("profile_not_found", "This account has no profile with that name.");
  await checkPin(profile, pin);
  const expires = Math.floor(now / 1000) + PROFILE_TOKEN_TTL_SECONDS;
  return { profile_token: `${TOKEN_PREFIX}${expires}.${tokenMac(principal, profile, expires)}`, expires_in: PROFILE_TOKEN_TTL_SECONDS };
}

function tokenValid(principal: Principal, profile: Profile, token: string | null, now: number): boolean {
  const [expiresText, mac] = token?.startsWith(TOKEN_PREFIX) ? token.slice(TOKEN_PREFIX.length).split(".") : [];
  const expires = Number(expiresText);
  if (!mac || !Number.isSafeInteger(expires) || expires * 1000 <= now) return false;
  const expected = Buffer.from(tokenMac(principal, profile, expires));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The caller acting as its profile `name`: 404 for a profile the account does not have, 403 `kids_profile` for a
 * kids site session reaching for another profile (unless it is a locked one and the caller unlocked it with its PIN),
 * 403 `profile_locked` for a locked profile not unlocked.
 */
export async function actAsProfile(
  principal: Principal,
  name: string,
  credential: Credential,
  profileToken: string | null,
  now = Date.now(),
): Promise<Viewer> {
  const selected = credential.kind === "cookie" ? credential.selected : undefined;
  const profile = selected?.name === name ? selected : await findProfile(principal.accountId, name);
  if (!profile) throw new ApiError("profile_not_found", "This account has no profile with that name.");
  // Leaving a kids profile for a locked one takes that profile's PIN: its token (POST .../unlock) proves it.
  const pinProven = !!profile.pinHash && tokenValid(principal, profile, profileToken, now);
  if (selected?.kids && selected.id !== profile.id && !pinProven) {
    throw new ApiError("kids_profile", "A kids profile can only watch as itself. Switch profiles on the site to continue.");
  }
  const unlocked = !profile.pinHash || selected?.id === profile.id || pinProven;
  if (!unlocked) {
    throw new ApiError("profile_locked", "This profile is locked: unlock it with its PIN (POST /api/profiles/{name}/unlock) and send X-Profile-Token.");
  }
  return { principal, profile };
}

/** Account, profile-management, billing and admin endpoints: refused to a site session watching as a kids profile. */
export function assertAccountHolder(credential: Credential): void {
  if (credential.kind === "cookie" && credential.selected?.kids) {
    throw new ApiError("kids_profile", "Switch to a grown-up profile to manage the account or its profiles.");
  }
}
