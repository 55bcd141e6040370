"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { titleHref } from "@/components/catalog/links";
import { markHelpful, removeReview, writeReview } from "@/lib/reviews/reviews";
import { validatedAction } from "@/lib/site/form-action";
import { requireViewer } from "@/lib/site/session";

// The title page's review forms: the same services (and limits) as the reviews API, for the profile watching.

const titleFields = { kind: z.enum(["movie", "show"]), id: z.uuid() };

const reviewForm = z.object({
  ...titleFields,
  stars: z.coerce.number("Choose 1 to 5 stars.").int().min(1, "Choose 1 to 5 stars.").max(5, "Choose 1 to 5 stars."),
  title: z.string().max(100, "Keep the headline under 100 characters.").optional(),
  text: z.string().max(2000, "Keep the review under 2,000 characters.").optional(),
});

export const writeReviewAction = validatedAction(reviewForm, async ({ kind, id, stars, title, text }) => {
  const viewer = await requireViewer(titleHref(kind, id));
  await writeReview(viewer, kind, id, { stars, title, text });
  revalidatePath(titleHref(kind, id));
  return { success: (await getTranslations("reviews"))("saved") };
});

export const deleteReviewAction = validatedAction(z.object(titleFields), async ({ kind, id }) => {
  const viewer = await requireViewer(titleHref(kind, id));
  await removeReview(viewer, kind, id);
  revalidatePath(titleHref(kind, id));
  return { success: (await getTranslations("reviews"))("deleted") };
});

export const helpfulAction = validatedAction(z.object({ ...titleFields, review_id: z.uuid(), helpful: z.enum(["true", "false"]) }), async ({ kind, id, review_id, helpful }) => {
  const viewer = await requireViewer(titleHref(kind, id));
  await markHelpful(viewer, review_id, helpful === "true");
  revalidatePath(titleHref(kind, id));
});
