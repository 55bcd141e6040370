"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { configuredSsoProviders } from "@/lib/accounts/sso-providers";
import { SignInRefused, signIn } from "@/lib/site/auth";
import { formMessage, userMessage } from "@/lib/i18n/errors";
import { validatedAction } from "@/lib/site/form-action";
import { safeReturnPath } from "@/lib/site/return-path";

const username = z.string().trim().min(1, "Enter your username.").max(254);
const callbackUrl = z.string().optional();
const signInForm = z.union([
  z.object({ username, password: z.string().min(1, "Enter your password.").max(1024), callbackUrl }),
  z.object({ username, challenge: z.string().min(1).max(512), code: z.string().trim().min(1, "Enter the code.").max(64), callbackUrl }),
]);

/**
 * Signs in with next-auth's credentials provider, then returns to where the user was going. With two-factor sign-in
 * on, the right password answers a challenge and the form asks for the code next.
 */
export const signInAction = validatedAction(signInForm, async ({ callbackUrl, ...credentials }) => {
  try {
    await signIn("credentials", { ...credentials, redirectTo: safeReturnPath(callbackUrl, "/profiles") });
  } catch (error) {
    if (error instanceof SignInRefused && error.challenge) {
      const retry = "code" in credentials;
      return {
        error: retry ? await userMessage({ code: error.code, message: error.userMessage }) : undefined,
        code: error.code,
        values: { username: credentials.username, challenge: error.challenge, callbackUrl: callbackUrl ?? "" },
      };
    }
    if (error instanceof SignInRefused) return { error: await userMessage({ code: error.code, message: error.userMessage }) };
    if (error instanceof AuthError) return { error: await formMessage("signInFailed") };
    throw error; // the redirect after a successful sign-in
  }
});

/** Starts a single sign-on: next-auth redirects to the provider, which comes back to /auth/callback/<provider>. */
export async function ssoSignInAction(formData: FormData): Promise<void> {
  const provider = configuredSsoProviders().find((configured) => configured.id === formData.get("provider"));
  if (!provider) redirect("/signin?error=sso_unavailable");
  const callbackUrl = formData.get("callbackUrl");
  await signIn(provider.id, { redirectTo: safeReturnPath(typeof callbackUrl === "string" ? callbackUrl : undefined, "/profiles") });
}

const linkForm = z.object({
  request: z.string().min(1).max(4096),
  password: z.string().min(1, "Enter your password.").max(1024).optional(),
  code: z.string().trim().max(64).optional(),
});

/** Links a single sign-on identity to the account that uses its address, with that account's password; signs in. */
export const linkIdentityAction = validatedAction(linkForm, async (form) => {
  try {
    await signIn("sso-link", { ...form, redirectTo: "/profiles" });
  } catch (error) {
    if (error instanceof SignInRefused) {
      const message = await userMessage({ code: error.code, message: error.userMessage });
      return error.code === "current_password_incorrect" ? { fieldErrors: { password: [message] } } : { error: message, code: error.code };
    }
    if (error instanceof AuthError) return { error: await formMessage("signInFailed") };
    throw error; // the redirect after a successful sign-in
  }
});
