"use server";

import { after } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { consumeApiLimit } from "@/lib/rate-limit";
import { emailField } from "@/lib/site/account-fields";
import { clientIp } from "@/lib/site/client-ip";
import { validatedAction } from "@/lib/site/form-action";

/** The same as POST /api/accounts/password/forgot, under the same per-client limit: one answer for every address. */
export const forgotPasswordAction = validatedAction(z.object({ email: emailField }), async ({ email }) => {
  if ((await consumeApiLimit("auth", `ip:${await clientIp()}`)).exceeded) {
    throw new ApiError("rate_limited", "Too many requests from this network. Please wait a few minutes and try again.");
  }
  const locale = await getLocale();
  after(() => requestPasswordReset(email, locale));
  return {
    success: (await getTranslations("auth"))("resetSent", { email, minutes: env.PASSWORD_RESET_TTL_MINUTES }),
  };
});
