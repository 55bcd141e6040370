"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { Principal } from "@/lib/accounts/sessions";
import { profileName } from "@/lib/profiles/profile-name";
import { requireProfile } from "@/lib/profiles/profiles";
import { ApiError } from "@/lib/api/errors";
import { userMessage } from "@/lib/i18n/errors";
import { validatedActionWithPrincipal } from "@/lib/site/form-action";
import { selectProfile } from "@/lib/site/profile-selection";
import { safeReturnPath } from "@/lib/site/return-path";
import { requirePrincipal } from "@/lib/site/session";

const selectForm = z.object({ name: profileName, pin: z.string().max(16).optional(), callbackUrl: z.string().optional() });

/** Remembers the chosen profile in this browser and goes on; a PIN-protected one sends the browser to its PIN pad. */
async function choose(principal: Principal, { name, pin, callbackUrl }: z.output<typeof selectForm>) {
  const next = safeReturnPath(callbackUrl, "/browse");
  const profile = await requireProfile(principal, name).catch((error) => {
    if (error instanceof ApiError && error.code === "profile_not_found") return undefined;
    throw error;
  });
  // Deleted on another device meanwhile: back to the (fresh) list.
  if (!profile) redirect(`/profiles?callbackUrl=${encodeURIComponent(next)}`);
  const result = await selectProfile(principal, profile, pin || undefined);
  if (result.ok) redirect(next);
  if (result.reason === "pin_required") redirect(`/profiles?pin=${encodeURIComponent(profile.name)}&callbackUrl=${encodeURIComponent(next)}`);
  return { error: await userMessage({ code: result.reason === "wrong_pin" ? "pin_incorrect" : result.reason === "locked" ? "profile_locked" : "two_factor_required", message: result.message }), code: result.reason };
}

/** A profile tile on "Who's watching?". */
export async function chooseProfileAction(formData: FormData): Promise<void> {
  const principal = await requirePrincipal("/profiles");
  const parsed = selectForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/profiles");
  await choose(principal, { ...parsed.data, pin: undefined });
}

/** The PIN pad of a locked profile. */
export const unlockProfileAction = validatedActionWithPrincipal(selectForm, (data, principal) => choose(principal, data));
