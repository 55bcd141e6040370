"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { resetPassword } from "@/lib/accounts/password-reset";
import { newPasswordTwice, passwordsMatch } from "@/lib/site/account-fields";
import { clientDevice } from "@/lib/site/client-ip";
import { validatedAction } from "@/lib/site/form-action";

const resetForm = z.object({ token: z.string().min(1).max(256), ...newPasswordTwice }).refine(...passwordsMatch);

/** Sets the new password (every device, this browser included, is signed out) and goes on to sign in with it. */
export const resetPasswordAction = validatedAction(resetForm, async ({ token, new_password }) => {
  await resetPassword(token, new_password, await clientDevice());
  redirect("/signin?reset=1");
});
