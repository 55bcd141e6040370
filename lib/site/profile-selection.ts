import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { listProfiles } from "@/db/queries/profiles";
import type { Profile } from "@/db/schema";
import { verifyPassword } from "@/lib/accounts/password";
import type { Principal } from "@/lib/accounts/sessions";
import { consume, isExhausted, resetLimit, retryAfterSeconds, type Limit } from "@/lib/rate-limit";
import { authSecret } from "./auth-secret";

// "Who's watching" is remembered per browser in a cookie naming the profile, signed together with the site session's
// id and the profile's PIN hash: it cannot be forged to skip a PIN, copied to another browser, or outlive a PIN change.
const COOKIE = "nf_profile";
const MAX_AGE = 365 * 86_400;
const PIN_LIMIT: Limit = { max: 5, windowSeconds: 15 * 60 };

function signature(principal: Principal, profile: Profile): string {
  const key = createHmac("sha256", authSecret()).update("normflix profile selection").digest();
  return createHmac("sha256", key)
    .update(`${principal.sessionId}\n${profile.id}\n${profile.pinHash ?? ""}`)
    .digest("base64url");
}

/** The profile this browser selected, if it still exists and its selection is still valid. */
export async function selectedProfile(principal: Principal): Promise<Profile | undefined> {
  const value = (await cookies()).get(COOKIE)?.value;
  const [profileId, mac] = value?.split(".") ?? [];
  if (!profileId || !mac) return undefined;
  const profile = (await listProfiles(principal.accountId)).find((p) => p.id === profileId);
  if (!profile) return undefined;
  const expected = Buffer.from(signature(principal, profile));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? profile : undefined;
}

export type SelectResult = { ok: true } | { ok: false; reason: "pin_required" | "wrong_pin" | "locked"; message: string };

/** Selects `profile` for this browser (server actions only: it sets a cookie), checking its PIN when it has one. */
export async function selectProfile(principal: Principal, profile: Profile, pin?: string): Promise<SelectResult> {
  if (profile.pinHash) {
    if (!pin) return { ok: false, reason: "pin_required", message: "Enter the profile's PIN." };
    const key = `pin:${profile.id}`;
    const state = await isExhausted(key, PIN_LIMIT);
    if (state.exceeded) {
      const minutes = Math.ceil(retryAfterSeconds(state) / 60);
      return { ok: false, reason: "locked", message: `Too many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
    }
    if (!(await verifyPassword(profile.pinHash, pin))) {
      await consume(key, PIN_LIMIT);
      return { ok: false, reason: "wrong_pin", message: "That PIN is not right. Try again." };
    }
    await resetLimit(key);
  }
  (await cookies()).set(COOKIE, `${profile.id}.${signature(principal, profile)}`, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: MAX_AGE,
  });
  return { ok: true };
}

export async function clearSelectedProfile(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
