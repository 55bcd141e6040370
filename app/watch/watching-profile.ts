import "server-only";
import type { Profile } from "@/db/schema";
import { selectedProfile } from "@/lib/site/profile-selection";
import { currentPrincipal } from "@/lib/site/session";

/** The profile this browser watches as, if any: what the watch pages' tab titles may name (metadata runs beside the page). */
export async function watchingProfile(): Promise<Profile | undefined> {
  const principal = await currentPrincipal();
  return principal ? selectedProfile(principal) : undefined;
}
