"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { endSessionFromAlert } from "@/lib/accounts/sessions";
import { clientDevice } from "@/lib/site/client-ip";
import { validatedAction } from "@/lib/site/form-action";

export const endSessionAction = validatedAction(z.object({ session: z.uuid(), token: z.string().min(1).max(100) }), async ({ session, token }) => {
  const ended = await endSessionFromAlert(session, token, await clientDevice());
  const t = await getTranslations("accountActions");
  if (!ended) return { error: t("sessionEnded") };
  return { success: t("sessionSignedOut") };
});
