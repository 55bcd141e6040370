import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Viewer } from "@/lib/access/rules";
import type { Principal } from "@/lib/accounts/sessions";
import { auth } from "./auth";
import { selectedProfile } from "./profile-selection";
import { safeReturnPath } from "./return-path";

// Who is signed in to the site, for server components, server actions and route handlers. Every call is backed by a
// live row of the sessions table (see lib/site/auth.ts); results are memoised for one render.

/** The signed-in account, or undefined. */
export const currentPrincipal = cache(async (): Promise<Principal | undefined> => {
  const session = await auth();
  return session?.principal;
});

/** The signed-in account; otherwise redirects to sign-in, which comes back to `returnTo`. */
export async function requirePrincipal(returnTo: string): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return principal;
}

const currentProfile = cache(async (principal: Principal) => selectedProfile(principal));

/** Whether this browser is watching as a kids profile, which may not change the account (as on Netflix). */
export async function watchingAsKids(principal: Principal): Promise<boolean> {
  return (await currentProfile(principal))?.kids === true;
}

/**
 * The signed-in account, for the account holder's pages (account, profile management, admin). A browser watching as a
 * kids profile goes to "Who's watching?" first, to pick a grown-up profile (with its PIN, if it has one) and come back.
 */
export async function requireAccountHolder(returnTo: string): Promise<Principal> {
  const principal = await requirePrincipal(returnTo);
  if (await watchingAsKids(principal)) redirect(`/profiles?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}&from=kids`);
  return principal;
}

/**
 * The viewer for pages and server actions, as withApi's `profile` option is for the API: the signed-in account and the
 * profile chosen in this browser (its PIN checked when chosen), loaded once per render; otherwise redirects to sign-in
 * or "Who's watching".
 */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const principal = await requirePrincipal(returnTo);
  const profile = await currentProfile(principal);
  if (!profile) redirect(`/profiles?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return { principal, profile };
}
