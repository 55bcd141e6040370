"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { assertCurrentPassword } from "@/lib/accounts/accounts";
import { unlinkIdentity } from "@/lib/accounts/identities";
import { AUTO_LOGOUT_CHOICES, updateSecuritySettings } from "@/lib/accounts/security-settings";
import { disableTwoFactor, enableTwoFactor, setUpTwoFactor } from "@/lib/accounts/two-factor";
import { ApiError } from "@/lib/api/errors";
import { userMessage } from "@/lib/i18n/errors";
import { clientDevice } from "@/lib/site/client-ip";
import { validatedAccountAction } from "@/lib/site/form-action";
import { checkbox } from "@/lib/site/profile-fields";

const settingsForm = z.object({
  login_alerts: checkbox,
  auto_logout: z.enum(["off", ...AUTO_LOGOUT_CHOICES.map(String)], "Choose when to sign out an unused device."),
});

export const securitySettingsAction = validatedAccountAction(settingsForm, async (form, principal) => {
  await updateSecuritySettings(
    principal,
    { login_alerts: form.login_alerts, auto_logout_minutes: form.auto_logout === "off" ? null : Number(form.auto_logout) },
    await clientDevice(),
  );
  revalidatePath("/account/security");
  return { success: (await getTranslations("accountActions"))("securitySaved") };
});

/** A new secret to scan; nothing changes until a code from it is confirmed. */
export const setUpTwoFactorAction = validatedAccountAction(z.object({}), async (_form, principal) => {
  const { secret, otpauth_url, qr_svg } = await setUpTwoFactor(principal);
  return { values: { secret, otpauth_url, qr_svg } };
});

export const enableTwoFactorAction = validatedAccountAction(z.object({ code: z.string().trim().min(1, "Enter the code.").max(16) }), async ({ code }, principal) => {
  const { recovery_codes } = await enableTwoFactor(principal, code, await clientDevice());
  // No revalidation: the page would swap the set-up for the "on" state before the codes were read ("Done" reloads).
  return { success: (await getTranslations("accountActions"))("twoFactorOn"), values: { recovery_codes: recovery_codes.join("\n") } };
});

export const disableTwoFactorAction = validatedAccountAction(
  z.object({ password: z.string().min(1, "Enter your password.").max(1024), code: z.string().trim().min(1, "Enter a code.").max(64) }),
  async ({ password, code }, principal) => {
    const device = await clientDevice();
    try {
      await assertCurrentPassword(principal, password, device.ip);
    } catch (error) {
      if (error instanceof ApiError && error.code === "current_password_incorrect") return { fieldErrors: { password: [await userMessage(error)] } };
      throw error;
    }
    await disableTwoFactor(principal, { code }, device);
    revalidatePath("/account/security");
    return { success: (await getTranslations("accountActions"))("twoFactorOff") };
  },
);

/** Unlinks a single sign-on identity; refused (409 last_sign_in_method) when it is the account's only way in. */
export const unlinkIdentityAction = validatedAccountAction(z.object({ provider: z.string().min(1).max(32) }), async ({ provider }, principal) => {
  await unlinkIdentity(principal, provider, await clientDevice());
  revalidatePath("/account/security");
  return { success: (await getTranslations("accountActions"))("unlinked") };
});
