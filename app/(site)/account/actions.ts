"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertCurrentPassword, changeEmail, changePassword } from "@/lib/accounts/accounts";
import { signOutDevice, signOutOtherDevices } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { PLAN_IDS, PLANS } from "@/lib/billing/plans";
import { cancelSubscription, changePlan } from "@/lib/billing/subscriptions";
import { emailField, newPasswordField } from "@/lib/site/account-fields";
import { clientIp } from "@/lib/site/client-ip";
import { validatedActionWithPrincipal } from "@/lib/site/form-action";
import { checkbox } from "@/lib/site/profile-fields";

// The account page's forms: the same services as PUT /api/accounts/{email,password,subscription} and the sessions API.

export const changeEmailAction = validatedActionWithPrincipal(z.object({ email: emailField }), async ({ email }, principal) => {
  try {
    await changeEmail(principal, email);
  } catch (error) {
    if (error instanceof ApiError && error.code === "email_taken") return { fieldErrors: { email: [error.message] } };
    throw error;
  }
  revalidatePath("/account");
  return { success: `Your email address is now ${email}.` };
});

const passwordForm = z
  .object({ current_password: z.string().min(1, "Enter your current password."), new_password: newPasswordField, confirm_password: z.string() })
  .refine((form) => form.new_password === form.confirm_password, { path: ["confirm_password"], message: "The passwords do not match." });

/** A new password, after the current one; every other device and API token is signed out. */
export const changePasswordAction = validatedActionWithPrincipal(passwordForm, async (form, principal) => {
  try {
    await assertCurrentPassword(principal, form.current_password, await clientIp());
  } catch (error) {
    if (error instanceof ApiError) return { fieldErrors: { current_password: [error.message] } };
    throw error;
  }
  const { signed_out_sessions: others } = await changePassword(principal, form.new_password);
  revalidatePath("/account");
  return {
    success: `Password changed.${others ? ` ${others} other ${others === 1 ? "device was" : "devices were"} signed out.` : ""}`,
  };
});

export const changePlanAction = validatedActionWithPrincipal(z.object({ plan: z.enum(PLAN_IDS, "Choose a plan.") }), async ({ plan }, principal) => {
  await changePlan(principal.accountId, plan);
  revalidatePath("/", "layout");
  return { success: `You are on the ${PLANS[plan].name} plan.` };
});

export const cancelPlanAction = validatedActionWithPrincipal(
  z.object({ confirm: checkbox.refine((value) => value, "Tick the box to confirm.") }),
  async (_form, principal) => {
    await cancelSubscription(principal.accountId);
    revalidatePath("/", "layout");
    return { success: "Your membership is cancelled. Your profiles and lists are kept if you come back." };
  },
);

export const signOutDeviceAction = validatedActionWithPrincipal(z.object({ session_id: z.uuid() }), async ({ session_id }, principal) => {
  if (session_id === principal.sessionId) return { error: "Use “Sign out” in the profile menu to sign out of this browser." };
  await signOutDevice(principal, session_id);
  revalidatePath("/account");
  return { success: "Device signed out." };
});

export const signOutOthersAction = validatedActionWithPrincipal(z.object({}), async (_form, principal) => {
  const count = await signOutOtherDevices(principal);
  revalidatePath("/account");
  return { success: count ? `Signed out of ${count} other ${count === 1 ? "device" : "devices"}.` : "No other device was signed in." };
});
