"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { timeZone } from "@/lib/api/query-schemas";
import { NOTIFICATION_TYPES, updateSettings, type SettingsChange } from "@/lib/notifications/settings";
import { validatedAccountAction } from "@/lib/site/form-action";
import { checkbox } from "@/lib/site/profile-fields";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time (HH:MM).");

// One checkbox per type and channel ("new_episode.in_site", "new_episode.email", …), and the quiet hours.
const settingsForm = z
  .object({
    ...Object.fromEntries(NOTIFICATION_TYPES.flatMap((type) => [[`${type}.in_site`, checkbox], [`${type}.email`, checkbox]])),
    quiet: checkbox,
    quiet_start: z.string().optional(),
    quiet_end: z.string().optional(),
    time_zone: timeZone,
  })
  .superRefine((form, context) => {
    if (!form.quiet) return;
    for (const field of ["quiet_start", "quiet_end"] as const) {
      if (!clock.safeParse(form[field]).success) context.addIssue({ code: "custom", path: [field], message: "Enter a time (HH:MM)." });
    }
    if (form.quiet_start === form.quiet_end) context.addIssue({ code: "custom", path: ["quiet_end"], message: "Quiet hours end at another time than they start." });
  });

export const notificationSettingsAction = validatedAccountAction(settingsForm, async (form, principal) => {
  const values = form as Record<string, unknown>;
  const types = Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => [type, { in_site: values[`${type}.in_site`] === true, email: values[`${type}.email`] === true }]),
  ) as SettingsChange["types"];
  const quiet_hours = form.quiet ? { start: form.quiet_start!, end: form.quiet_end!, time_zone: form.time_zone } : null;
  await updateSettings(principal, { types, quiet_hours });
  revalidatePath("/account/notifications");
  return { success: (await getTranslations("accountActions"))("notificationsSaved") };
});
