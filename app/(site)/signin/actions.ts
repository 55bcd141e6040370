"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { SignInRefused, signIn } from "@/lib/site/auth";
import { validatedAction } from "@/lib/site/form-action";
import { safeReturnPath } from "@/lib/site/return-path";

const signInForm = z.object({
  username: z.string().trim().min(1, "Enter your username.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024),
  callbackUrl: z.string().optional(),
});

/** Signs in with next-auth's credentials provider, then returns to where the user was going. */
export const signInAction = validatedAction(signInForm, async ({ username, password, callbackUrl }) => {
  try {
    await signIn("credentials", { username, password, redirectTo: safeReturnPath(callbackUrl, "/profiles") });
  } catch (error) {
    if (error instanceof SignInRefused) return { error: error.userMessage };
    if (error instanceof AuthError) return { error: "Signing in failed. Please try again." };
    throw error; // the redirect after a successful sign-in
  }
});
