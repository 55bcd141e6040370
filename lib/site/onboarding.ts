import "server-only";
import { cookies } from "next/headers";
import { listProfiles } from "@/db/queries/profiles";
import { safeReturnPath } from "./return-path";

// A new member's first steps: sign up → choose a plan → create the first profile → back to what they wanted (the
// title page that sent them to sign in). The wanted page travels as `next`, a same-site path (safeReturnPath refuses
// anything else), in each step's URL or form; through Stripe Checkout, which returns to a fixed URL, in a short-lived
// cookie.

const NEXT_COOKIE = "nf_next";

/** `next` when it is a same-site path, else undefined. */
export const safeNext = (value: unknown): string | undefined => {
  const path = safeReturnPath(value, "");
  return path || undefined;
};

const withNext = (path: string, next: string | undefined) => (next ? `${path}${path.includes("?") ? "&" : "?"}next=${encodeURIComponent(next)}` : path);

/** The plan step right after sign-up. */
export const planStepPath = (plan: string | undefined, next: string | undefined) =>
  `${withNext(`/account?welcome=1${plan ? `&plan=${encodeURIComponent(plan)}` : ""}`, next)}#plan`;

/** The first-profile step. */
export const firstProfilePath = (next: string | undefined) => withNext("/profiles/new?welcome=1", next);

/** Where to go once a plan is chosen: the first-profile step for an account without profiles, else nowhere new. */
export async function afterPlanChosen(accountId: string, next: string | undefined): Promise<string | undefined> {
  if ((await listProfiles(accountId)).length > 0) return next;
  return firstProfilePath(next);
}

/** Keeps `next` across Stripe Checkout (server actions only: it sets a cookie). */
export async function rememberNext(next: string | undefined): Promise<void> {
  const jar = await cookies();
  if (next) jar.set(NEXT_COOKIE, next, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 3600 });
  else jar.delete(NEXT_COOKIE);
}

/** The `next` kept across Checkout, if any (checked again: a cookie is the client's to change). */
export async function recalledNext(): Promise<string | undefined> {
  return safeNext((await cookies()).get(NEXT_COOKIE)?.value);
}

export async function forgetNext(): Promise<void> {
  (await cookies()).delete(NEXT_COOKIE);
}
