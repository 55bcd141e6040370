"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { collectionSlug } from "@/app/api/admin/collections/schema";
import { createCollection, editCollection, featureTitle, removeCollection, setCollectionTitles, setFeaturedList } from "@/lib/admin/collections";
import { validatedAccountAction } from "@/lib/site/form-action";

// The collection and featured-title forms. The services check the admin role themselves.

const id = z.guid();
const collectionForm = {
  title: z.string().trim().min(1, "Give it a title").max(120),
  slug: collectionSlug,
  description: z.string().trim().max(1000).transform((v) => v || null),
  position: z.coerce.number().int("A whole number").min(0, "0 to 1000").max(1000, "0 to 1000"),
  published: z.literal("on").optional().transform((v) => v === "on"),
};
const titleIds = z.array(id).max(200);

/** The ordered ids a TitleListEditor sends as JSON. */
function titleIdsOf(json: string) {
  const parsed = titleIds.safeParse(JSON.parse(json || "[]"));
  return parsed.success ? [...new Set(parsed.data)] : undefined;
}
const words = () => getTranslations("admin");
const unreadable = async () => ({ error: (await words())("common.unreadable") });

export const createCollectionAction = validatedAccountAction(z.object(collectionForm), async (data, principal) => {
  const created = await createCollection(principal, data);
  redirect(`/admin/collections/${created.id}`);
});

export const updateCollectionAction = validatedAccountAction(z.object({ id, ...collectionForm }), async ({ id, ...data }, principal) => {
  await editCollection(principal, id, data);
  revalidatePath(`/admin/collections/${id}`);
  return { success: (await words())(data.published ? "collectionActions.savedPublished" : "collectionActions.savedHidden") };
});

export const deleteCollectionAction = validatedAccountAction(z.object({ id }), async (data, principal) => {
  await removeCollection(principal, data.id);
  redirect("/admin/collections");
});

export const saveCollectionTitlesAction = validatedAccountAction(z.object({ id, title_ids: z.string().max(20_000) }), async (data, principal) => {
  const ids = titleIdsOf(data.title_ids);
  if (!ids) return unreadable();
  await setCollectionTitles(principal, data.id, ids);
  revalidatePath(`/admin/collections/${data.id}`);
  return { success: (await words())("collectionActions.titlesSaved") };
});

export const saveFeaturedAction = validatedAccountAction(z.object({ title_ids: z.string().max(20_000) }), async (data, principal) => {
  const ids = titleIdsOf(data.title_ids);
  if (!ids) return unreadable();
  await setFeaturedList(principal, ids);
  revalidatePath("/admin/collections");
  return { success: (await words())(ids.length ? "collectionActions.featuredSaved" : "collectionActions.noFeatured") };
});

export const featureTitleAction = validatedAccountAction(z.object({ id, featured: z.enum(["true", "false"]) }), async (data, principal) => {
  await featureTitle(principal, data.id, data.featured === "true");
  revalidatePath(`/admin/titles/${data.id}`);
  return { success: (await words())(data.featured === "true" ? "collectionActions.featuredOn" : "collectionActions.featuredOff") };
});
