"use server";

import { clearSelectedProfile } from "./profile-selection";
import { signOut } from "./auth";

/** Signs this browser out: its session row is revoked (lib/site/auth.ts events) and its profile choice forgotten. */
export async function signOutAction(): Promise<void> {
  await clearSelectedProfile();
  await signOut({ redirectTo: "/" });
}
