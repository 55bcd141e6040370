"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/components/catalog/action-button";
import { ApiError } from "@/lib/api/errors";
import { formMessage, userMessage } from "@/lib/i18n/errors";
import { removeHistoryItem } from "@/lib/profiles/lists";
import { requireViewer } from "@/lib/site/session";

// The history page's Remove button: the same service as DELETE /api/profiles/{name}/history/{type}/{id}, for the
// profile the site session watches as.

const removeInput = z.object({ type: z.enum(["movie", "episode"]), id: z.uuid() });

export async function removeFromHistory(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = removeInput.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: await formMessage("invalidRequest") };
  const viewer = await requireViewer("/history");
  try {
    await removeHistoryItem(viewer, input.data);
  } catch (error) {
    // Removed already (another tab, another device): what the viewer wanted.
    if (!(error instanceof ApiError && error.code === "not_in_history")) {
      if (error instanceof ApiError && error.status < 500) return { error: await userMessage(error) };
      throw error;
    }
  }
  revalidatePath("/history");
  revalidatePath("/browse");
  return undefined;
}
