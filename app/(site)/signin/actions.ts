"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { SignInRefused, signIn } from "@/lib/site/auth";
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
        error: retry ? error.userMessage : undefined,
        code: error.code,
        values: { username: credentials.username, challenge: error.challenge, callbackUrl: callbackUrl ?? "" },
      };
    }
    if (error instanceof SignInRefused) return { error: error.userMessage };
    if (error instanceof AuthError) return { error: "Signing in failed. Please try again." };
    throw error; // the redirect after a successful sign-in
  }
});
