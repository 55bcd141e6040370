"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { assertCurrentPassword } from "@/lib/accounts/accounts";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { userMessage } from "@/lib/i18n/errors";
import { changeProfileSettings, createProfile, removeProfile, renameProfile, requireProfile } from "@/lib/profiles/profiles";
import { profileName } from "@/lib/profiles/profile-name";
import { clientIp } from "@/lib/site/client-ip";
import { validatedAccountAction } from "@/lib/site/form-action";
import { checkbox, pinField, PROFILE_LANGUAGES, profileSettingsFields } from "@/lib/site/profile-fields";
import { safeNext } from "@/lib/site/onboarding";
import { accountProfiles, selectedProfile, selectProfile } from "@/lib/site/profile-selection";

// Profile management for the site: the same services as /api/profiles, so limits (426), name rules and conflicts (409)
// are the API's.

const named = z.object({ name: profileName });

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

const newProfileForm = z.intersection(
  z.intersection(named, profileSettingsFields),
  z.object({
    pin: z.preprocess(blankToUndefined, pinField.optional()),
    password: z.string().optional(),
    next: z.string().max(2000).optional(),
  }),
);

/** The form's answer when `password` is not the account's (in the page's language), or null when it is. */
async function passwordRefusal(principal: Principal, password: string) {
  try {
    await assertCurrentPassword(principal, password, await clientIp());
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { fieldErrors: { password: [await userMessage(error)] } };
  }
}

/**
 * "Add profile", with its lock (a PIN, which needs the account password as on the edit page). The account's first
 * profile is chosen in this browser at once and the new member goes on to what they wanted (onboarding's `next`).
 */
export const createProfileAction = validatedAccountAction(newProfileForm, async ({ name, pin, password, next: wanted, ...settings }, principal) => {
  const wrongPassword = pin ? await passwordRefusal(principal, password ?? "") : null;
  if (wrongPassword) return wrongPassword;
  const first = (await accountProfiles(principal.accountId)).length === 0;
  await createProfile(principal, name);
  await changeProfileSettings(principal, name, { ...settings, pin });
  revalidatePath("/profiles");
  const next = safeNext(wanted);
  if (!first && !next) redirect("/profiles/manage");
  await selectProfile(principal, await requireProfile(principal, name), pin);
  redirect(next ?? "/browse");
});

export const updateProfileAction = validatedAccountAction(
  z.intersection(z.object({ original: z.string(), name: profileName }), profileSettingsFields),
  async ({ original, name, ...settings }, principal) => {
    if (name !== original) await renameProfile(principal, original, name);
    await changeProfileSettings(principal, name, settings);
    redirect("/profiles/manage");
  },
);

const kidsControlsForm = z.object({
  name: z.string(),
  daily_limit_minutes: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce.number({ error: "Enter a number of minutes." }).int("Enter whole minutes.").min(1, "At least 1 minute.").max(1440, "At most 1440 minutes (a day).").nullable(),
  ),
});

/** Kids controls: the genres ticked (`blocked_<slug>`) and the daily minutes, through the same service as the API. */
export const updateKidsControlsAction = validatedAccountAction(kidsControlsForm, async ({ name, daily_limit_minutes }, principal, formData) => {
  const blocked = [...formData.keys()].filter((key) => key.startsWith("blocked_")).map((key) => key.slice("blocked_".length));
  await changeProfileSettings(principal, name, { blocked_genres: blocked, daily_limit_minutes });
  revalidatePath(`/profiles/${encodeURIComponent(name)}/edit`);
  return { success: (await getTranslations("profileForms"))("saved.kidsControls") };
});

const languageForm = z.object({ name: z.string(), language: z.enum(["", ...PROFILE_LANGUAGES], "Choose a language.") });

/** The profile's language: the audio and subtitles titles start with (lib/playback/languages.ts). */
export const updateProfileLanguageAction = validatedAccountAction(languageForm, async ({ name, language }, principal) => {
  await changeProfileSettings(principal, name, { language: language || null });
  revalidatePath(`/profiles/${encodeURIComponent(name)}/edit`);
  return { success: (await getTranslations("profileForms"))("saved.language") };
});

const pinForm = z.discriminatedUnion("action", [
  z.object({ action: z.literal("set"), name: z.string(), pin: pinField, password: z.string().min(1, "Enter your account password.") }),
  z.object({ action: z.literal("remove"), name: z.string(), password: z.string().min(1, "Enter your account password.") }),
]);

/** Sets or removes a profile's PIN; asks for the account password, as a PIN is there to keep others out. */
export const changePinAction = validatedAccountAction(pinForm, async (form, principal) => {
  const wrongPassword = await passwordRefusal(principal, form.password);
  if (wrongPassword) return wrongPassword;
  const pin = form.action === "set" ? form.pin : null;
  const wasSelected = (await selectedProfile(principal))?.name === form.name;
  await changeProfileSettings(principal, form.name, { pin });
  // The browser's choice is signed with the PIN; keep the person who just changed it on their profile.
  if (wasSelected) await selectProfile(principal, await requireProfile(principal, form.name), pin ?? undefined);
  return { success: (await getTranslations("profileForms"))(pin ? "saved.pinSet" : "saved.pinRemoved") };
});

export const deleteProfileAction = validatedAccountAction(
  z.object({ name: z.string(), confirm: checkbox.refine((value) => value, "Tick the box to confirm.") }),
  async ({ name }, principal) => {
    await removeProfile(principal, name);
    revalidatePath("/profiles");
    redirect("/profiles/manage");
  },
);
