"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { findProfile } from "@/db/queries/profiles";
import type { Principal } from "@/lib/accounts/sessions";
import { profileName } from "@/lib/profiles/profile-name";
import { validatedActionWithPrincipal } from "@/lib/site/form-action";
import { selectProfile } from "@/lib/site/profile-selection";
import { safeReturnPath } from "@/lib/site/return-path";
import { requirePrincipal } from "@/lib/site/session";

const selectForm = z.object({ name: profileName, pin: z.string().max(16).optional(), callbackUrl: z.string().optional() });

/** Remembers the chosen profile in this browser and goes on; a PIN-protected one sends the browser to its PIN pad. */
async function choose(principal: Principal, { name, pin, callbackUrl }: z.output<typeof selectForm>) {
  const next = safeReturnPath(callbackUrl, "/browse");
  const profile = await findProfile(principal.accountId, name);
  // Deleted on another device meanwhile: back to the (fresh) list.
  if (!profile) redirect(`/profiles?callbackUrl=${encodeURIComponent(next)}`);
  const result = await selectProfile(principal, profile, pin || undefined);
  if (result.ok) redirect(next);
  if (result.reason === "pin_required") redirect(`/profiles?pin=${encodeURIComponent(profile.name)}&callbackUrl=${encodeURIComponent(next)}`);
  return { error: result.message, code: result.reason };
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
