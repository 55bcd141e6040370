"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { resendVerificationLink, verifyEmail } from "@/lib/accounts/email-verification";
import { validatedAction, validatedAccountAction } from "@/lib/site/form-action";

// The same services as POST /api/accounts/email/verify and POST /api/accounts/email/verification.

/** Confirms the address of the link's token (no sign-in needed: the token is the proof). */
export const verifyEmailAction = validatedAction(z.object({ token: z.string().min(1).max(256) }), async ({ token }) => {
  const { email } = await verifyEmail(token);
  return { success: (await getTranslations("auth"))("confirmed", { email }) };
});

/** Mails the signed-in account's confirmation link again (the site-wide banner's button). */
export const resendVerificationAction = validatedAccountAction(z.object({}), async (_, principal) => {
  await resendVerificationLink(principal, await getLocale());
  return { success: (await getTranslations("auth"))("confirmationSent") };
});
