import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { listProfiles } from "@/db/queries/profiles";
import type { Profile } from "@/db/schema";
import { checkPin } from "@/lib/access/profile-access";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { authSecret } from "./auth-secret";

// "Who's watching" is remembered per browser in a cookie naming the profile, signed together with the site session's
// id and the profile's PIN hash: it cannot be forged to skip a PIN, copied to another browser, or outlive a PIN change.
// For the API called with the site's cookie, the selection is what unlocks a locked profile (lib/access/profile-access.ts).
const COOKIE = "nf_profile";
const MAX_AGE = 365 * 86_400;

function signature(principal: Principal, profile: Profile): string {
  const key = createHmac("sha256", authSecret()).update("normflix profile selection").digest();
  return createHmac("sha256", key)
    .update(`${principal.sessionId}\n${profile.id}\n${profile.pinHash ?? ""}`)
    .digest("base64url");
}

/** The account's profiles, read once per render: the chosen profile and the header's profile menu share them. */
export const accountProfiles = cache((accountId: string) => listProfiles(accountId));

/** The profile this browser selected, if it still exists and its selection is still valid. */
export async function selectedProfile(principal: Principal): Promise<Profile | undefined> {
  const value = (await cookies()).get(COOKIE)?.value;
  const [profileId, mac] = value?.split(".") ?? [];
  if (!profileId || !mac) return undefined;
  const profile = (await accountProfiles(principal.accountId)).find((p) => p.id === profileId);
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
    try {
      await checkPin(profile, pin);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return error.code === "pin_incorrect"
        ? { ok: false, reason: "wrong_pin", message: "That PIN is not right. Try again." }
        : { ok: false, reason: "locked", message: error.message };
    }
  }
  (await cookies()).set(COOKIE, `${profile.id}.${signature(principal, profile)}`, {
    httpOnly: true,
    sameSite: "lax",
    // Over HTTPS (directly or through the proxy in front), never send it in clear.
    secure: (await headers()).get("x-forwarded-proto") === "https",
    path: "/",
    maxAge: MAX_AGE,
  });
  return { ok: true };
}

export async function clearSelectedProfile(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
