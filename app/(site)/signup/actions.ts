"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { createAccount } from "@/lib/accounts/accounts";
import { ApiError } from "@/lib/api/errors";
import { CLIENT_IP_HEADER } from "@/lib/api/internal-headers";
import { consume, retryAfterSeconds, scaledApiLimit } from "@/lib/rate-limit";
import { emailField, newPasswordField, usernameField } from "@/lib/site/account-fields";
import { signIn } from "@/lib/site/auth";
import { validatedAction } from "@/lib/site/form-action";
import { safeReturnPath } from "@/lib/site/return-path";

const signUpForm = z.object({
  username: usernameField,
  email: emailField,
  password: newPasswordField,
  callbackUrl: z.string().optional(),
});

/** Creates the account (same service and limits as POST /api/accounts/new), signs in and goes on to choose a plan. */
export const signUpAction = validatedAction(signUpForm, async ({ username, email, password, callbackUrl }) => {
  const ip = (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
  const limit = await consume(`api:auth:ip:${ip}`, scaledApiLimit("auth"));
  if (limit.exceeded) return { error: `Too many attempts from your network. Try again in ${retryAfterSeconds(limit)} seconds.` };
  try {
    await createAccount({ username, email, password });
  } catch (error) {
    if (error instanceof ApiError && error.code === "username_taken") return { fieldErrors: { username: [error.message] } };
    if (error instanceof ApiError && error.code === "email_taken") return { fieldErrors: { email: [error.message] } };
    throw error;
  }
  const next = callbackUrl ? safeReturnPath(callbackUrl) : "/account?welcome=1#plan";
  await signIn("credentials", { username, password, redirectTo: next });
});
