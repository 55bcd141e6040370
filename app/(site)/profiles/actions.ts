"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCurrentPassword } from "@/lib/accounts/accounts";
import { changeProfileSettings, createProfile, removeProfile, renameProfile, requireProfile } from "@/lib/profiles/profiles";
import { profileName } from "@/lib/profiles/profile-name";
import { clientIp } from "@/lib/site/client-ip";
import { validatedAccountAction } from "@/lib/site/form-action";
import { checkbox, pinField, profileSettingsFields } from "@/lib/site/profile-fields";
import { selectedProfile, selectProfile } from "@/lib/site/profile-selection";

// Profile management for the site: the same services as /api/profiles, so limits (426), name rules and conflicts (409)
// are the API's.

const named = z.object({ name: profileName });

export const createProfileAction = validatedAccountAction(
  z.intersection(named, profileSettingsFields),
  async ({ name, ...settings }, principal) => {
    await createProfile(principal, name);
    await changeProfileSettings(principal, name, settings);
    revalidatePath("/profiles");
    redirect("/profiles/manage");
  },
);

export const updateProfileAction = validatedAccountAction(
  z.intersection(z.object({ original: z.string(), name: profileName }), profileSettingsFields),
  async ({ original, name, ...settings }, principal) => {
    if (name !== original) await renameProfile(principal, original, name);
    await changeProfileSettings(principal, name, settings);
    redirect("/profiles/manage");
  },
);

const pinForm = z.discriminatedUnion("action", [
  z.object({ action: z.literal("set"), name: z.string(), pin: pinField, password: z.string().min(1, "Enter your account password.") }),
  z.object({ action: z.literal("remove"), name: z.string(), password: z.string().min(1, "Enter your account password.") }),
]);

/** Sets or removes a profile's PIN; asks for the account password, as a PIN is there to keep others out. */
export const changePinAction = validatedAccountAction(pinForm, async (form, principal) => {
  const ip = await clientIp();
  try {
    await assertCurrentPassword(principal, form.password, ip);
  } catch (error) {
    return { fieldErrors: { password: [(error as Error).message] } };
  }
  const pin = form.action === "set" ? form.pin : null;
  const wasSelected = (await selectedProfile(principal))?.name === form.name;
  await changeProfileSettings(principal, form.name, { pin });
  // The browser's choice is signed with the PIN; keep the person who just changed it on their profile.
  if (wasSelected) await selectProfile(principal, await requireProfile(principal, form.name), pin ?? undefined);
  return { success: pin ? "PIN saved. This profile now asks for it." : "PIN removed." };
});

export const deleteProfileAction = validatedAccountAction(
  z.object({ name: z.string(), confirm: checkbox.refine((value) => value, "Tick the box to confirm.") }),
  async ({ name }, principal) => {
    await removeProfile(principal, name);
    revalidatePath("/profiles");
    redirect("/profiles/manage");
  },
);
