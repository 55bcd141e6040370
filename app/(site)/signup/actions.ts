"use server";

import { after } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { createAccount } from "@/lib/accounts/accounts";
import { mailVerificationLink } from "@/lib/accounts/email-verification";
import { ApiError } from "@/lib/api/errors";
import { consume, retryAfterSeconds, scaledApiLimit } from "@/lib/rate-limit";
import { emailField, newPasswordField, usernameField } from "@/lib/site/account-fields";
import { signIn } from "@/lib/site/auth";
import { clientIp } from "@/lib/site/client-ip";
import { formMessage, userMessage } from "@/lib/i18n/errors";
import { validatedAction } from "@/lib/site/form-action";
import { PLANS } from "@/lib/billing/plans";
import { planStepPath, safeNext } from "@/lib/site/onboarding";

const signUpForm = z.object({
  username: usernameField,
  email: emailField,
  password: newPasswordField,
  callbackUrl: z.string().optional(),
  plan: z.string().optional(),
});

/**
 * Creates the account (same service and limits as POST /api/accounts/new), signs in and goes on to choose a plan,
 * carrying the page the visitor wanted (`callbackUrl`) through the plan and first-profile steps (lib/site/onboarding.ts).
 */
export const signUpAction = validatedAction(signUpForm, async ({ username, email, password, callbackUrl, plan }) => {
  const ip = await clientIp();
  const limit = await consume(`api:auth:ip:${ip}`, scaledApiLimit("auth"));
  if (limit.exceeded) return { error: await formMessage("tooManyAttempts", { seconds: retryAfterSeconds(limit) }) };
  try {
    const account = await createAccount({ username, email, password });
    const locale = await getLocale();
    after(() => mailVerificationLink(account.id, locale));
  } catch (error) {
    if (error instanceof ApiError && error.code === "username_taken") return { fieldErrors: { username: [await userMessage(error)] } };
    if (error instanceof ApiError && error.code === "email_taken") return { fieldErrors: { email: [await userMessage(error)] } };
    throw error;
  }
  const next = planStepPath(plan && plan in PLANS ? plan : undefined, safeNext(callbackUrl));
  try {
    await signIn("credentials", { username, password, redirectTo: next });
  } catch (error) {
    if (error instanceof AuthError) return { error: (await getTranslations("auth"))("readyButSignInFailed") };
    throw error; // the redirect after signing in
  }
});
