"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { languageTag } from "@/lib/catalog/languages";
import * as catalog from "@/lib/admin/catalog";
import { updateMarkers, uploadSubtitle } from "@/lib/admin/assets";
import { editCredits } from "@/lib/admin/credits";
import { setOffers } from "@/lib/admin/offers";
import { TITLE_ACCESS } from "@/db/schema/catalog";
import { disableAccount, enableAccount } from "@/lib/admin/users";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
import { validatedAccountAction } from "@/lib/site/form-action";

// Admin forms. Every service called here checks the admin role itself, so a forged form post gets nothing. Their replies
// are in the request's language (service refusals by their code: lib/site/form-action.ts).

const id = z.guid();
const words = () => getTranslations("admin");
const optionalNumber = (schema: z.ZodNumber) => z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), schema.optional());
const nullableNumber = (schema: z.ZodNumber) => z.preprocess((v) => (v === "" ? null : v === undefined ? undefined : Number(v)), schema.nullable().optional());

const titleForm = {
  title: z.string().trim().min(1, "Give it a title").max(300),
  synopsis: z.string().trim().max(5000).default(""),
  year: z.coerce.number().int().min(1870).max(2100),
  maturity_rating: z.enum(MATURITY_RATINGS),
  runtime_minutes: nullableNumber(z.number().int().min(1).max(1440)),
  original_language: z.preprocess((v) => (v === "" ? undefined : v), languageTag.optional()),
  // "es, en": the languages it can be heard in.
  audio_languages: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.split(",").map((tag) => tag.trim()).filter(Boolean) : undefined),
    z.array(languageTag).min(1).max(30).optional(),
  ),
};
const genresOf = (formData: FormData) => formData.getAll("genres").map(String);
const runtime = (minutes: number | null | undefined) => (minutes === undefined ? undefined : minutes === null ? null : minutes * 60);

export const createTitleAction = validatedAccountAction(z.object({ type: z.enum(["movie", "show"]), ...titleForm }), async (data, principal, formData) => {
  const created = await catalog.createTitle(principal, { ...data, kind: data.type, runtime_seconds: runtime(data.runtime_minutes), genres: genresOf(formData) });
  redirect(`/admin/titles/${created.id}`);
});

export const updateTitleAction = validatedAccountAction(z.object({ id, ...titleForm }), async (data, principal, formData) => {
  await catalog.updateTitle(principal, data.id, { ...data, runtime_seconds: runtime(data.runtime_minutes), genres: genresOf(formData) });
  revalidatePath(`/admin/titles/${data.id}`);
  return { success: (await words())("common.saved") };
});

export const publishAction = validatedAccountAction(z.object({ id, published: z.enum(["true", "false"]) }), async (data, principal) => {
  await catalog.setPublished(principal, data.id, data.published === "true");
  revalidatePath(`/admin/titles/${data.id}`);
  return { success: (await words())(data.published === "true" ? "titleActions.published" : "titleActions.unpublished") };
});

export const deleteTitleAction = validatedAccountAction(z.object({ id, confirm: z.string() }), async (data, principal) => {
  const title = await catalog.getAdminTitle(principal, data.id);
  if (data.confirm.trim() !== title.title) {
    const t = await words();
    return { error: t("titleActions.confirm", { title: title.title }), fieldErrors: { confirm: [t("titleActions.noMatch")] } };
  }
  await catalog.deleteTitle(principal, data.id);
  redirect("/admin/titles");
});

export const artworkAction = validatedAccountAction(z.object({ id, slot: z.enum(["poster", "backdrop"]) }), async (data, principal, formData) => {
  const t = await words();
  const file = formData.get("image");
  if (!(file instanceof File) || file.size === 0) return { error: t("titleActions.chooseImage") };
  if (file.size > 10 * 1024 * 1024) return { error: t("titleActions.imageTooBig") };
  await catalog.setArtwork(principal, data.id, data.slot, Buffer.from(await file.arrayBuffer()));
  revalidatePath(`/admin/titles/${data.id}`);
  return { success: t(`title.slots.${data.slot}.updated`) };
});

export const createSeasonAction = validatedAccountAction(z.object({ id, number: z.coerce.number().int().min(0).max(1000), title: z.string().trim().max(300).optional() }), async (data, principal) => {
  await catalog.createSeason(principal, data.id, { number: data.number, title: data.title || undefined });
  revalidatePath(`/admin/titles/${data.id}`);
});

export const deleteSeasonAction = validatedAccountAction(z.object({ id, title_id: id }), async (data, principal) => {
  await catalog.deleteSeason(principal, data.id);
  revalidatePath(`/admin/titles/${data.title_id}`);
});

export const createEpisodeAction = validatedAccountAction(
  z.object({ season_id: id, title_id: id, number: z.coerce.number().int().min(0).max(10_000), title: z.string().trim().min(1, "Give it a title").max(300), runtime_minutes: nullableNumber(z.number().int().min(1).max(1440)) }),
  async (data, principal) => {
    await catalog.createEpisode(principal, data.season_id, { number: data.number, title: data.title, runtime_seconds: runtime(data.runtime_minutes) });
    revalidatePath(`/admin/titles/${data.title_id}`);
  },
);

export const deleteEpisodeAction = validatedAccountAction(z.object({ id, title_id: id }), async (data, principal) => {
  await catalog.deleteEpisode(principal, data.id);
  revalidatePath(`/admin/titles/${data.title_id}`);
});

const creditRole = z.enum(["cast", "director", "creator"]);

export const addCreditAction = validatedAccountAction(
  z.object({
    title_id: id,
    person_id: z.union([id, z.literal("")]).default(""),
    new_person: z.string().trim().max(200).default(""),
    role: creditRole,
    character: z.string().trim().max(200).default(""),
  }),
  async (data, principal) => {
    const t = await words();
    if (!data.person_id && !data.new_person) {
      return { error: t("titleActions.pickPerson"), fieldErrors: { person_id: [t("titleActions.pickPersonField")], new_person: [t("titleActions.newPersonField")] } };
    }
    const person = data.new_person ? { name: data.new_person } : { id: data.person_id };
    const name = await editCredits(principal, data.title_id, { op: "add", person, role: data.role, character: data.character || null });
    revalidatePath(`/admin/titles/${data.title_id}`);
    return { success: t("common.addedName", { name }), values: {} };
  },
);

export const editCreditAction = validatedAccountAction(
  z.object({ title_id: id, person_id: id, role: creditRole, op: z.enum(["up", "down", "remove"]) }),
  async ({ title_id, op, ...credit }, principal) => {
    await editCredits(principal, title_id, { op, credit });
    revalidatePath(`/admin/titles/${title_id}`);
  },
);

export const markersAction = validatedAccountAction(
  z.object({
    asset_id: id,
    path: z.string().startsWith("/admin/"),
    intro_start_seconds: optionalNumber(z.number().min(0)),
    intro_end_seconds: optionalNumber(z.number().min(0)),
    credits_start_seconds: optionalNumber(z.number().min(0)),
  }),
  async ({ asset_id, path, ...markers }, principal) => {
    await updateMarkers(principal, asset_id, markers);
    revalidatePath(path);
    return { success: (await words())("titleActions.markersSaved") };
  },
);

export const subtitleAction = validatedAccountAction(
  z.object({ asset_id: id, path: z.string().startsWith("/admin/"), language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A language tag such as en or pt-BR"), label: z.string().trim().min(1).max(100) }),
  async (data, principal, formData) => {
    const t = await words();
    const file = formData.get("vtt");
    if (!(file instanceof File) || file.size === 0) return { error: t("titleActions.chooseVtt") };
    if (file.size > 2 * 1024 * 1024) return { error: t("titleActions.vttTooBig") };
    await uploadSubtitle(principal, data.asset_id, data.language, { label: data.label, vtt: await file.text() });
    revalidatePath(data.path);
    return { success: t("titleActions.subtitlesAdded", { label: data.label }) };
  },
);

export const savePersonAction = validatedAccountAction(z.object({ name: z.string().trim().min(1, "Enter a name").max(200), bio: z.string().trim().max(5000).optional() }), async (data, principal) => {
  await catalog.savePerson(principal, undefined, { name: data.name, bio: data.bio || null });
  revalidatePath("/admin/people");
  return { success: (await words())("common.addedName", { name: data.name }) };
});

export const deletePersonAction = validatedAccountAction(z.object({ id }), async (data, principal) => {
  await catalog.deletePerson(principal, data.id);
  revalidatePath("/admin/people");
});

export const saveGenreAction = validatedAccountAction(
  z.object({ name: z.string().trim().min(1, "Enter a name").max(100), slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lowercase words joined by '-'") }),
  async (data, principal) => {
    await catalog.saveGenre(principal, undefined, data);
    revalidatePath("/admin/people");
    return { success: (await words())("common.addedName", { name: data.name }) };
  },
);

export const deleteGenreAction = validatedAccountAction(z.object({ id }), async (data, principal) => {
  await catalog.deleteGenre(principal, data.id);
  revalidatePath("/admin/people");
});

export const accountStateAction = validatedAccountAction(z.object({ id, disabled: z.enum(["true", "false"]) }), async (data, principal) => {
  const account = data.disabled === "true" ? await disableAccount(principal, data.id) : await enableAccount(principal, data.id);
  revalidatePath("/admin/users");
  return { success: (await words())(account.disabled ? "users.disabledOut" : "users.enabled", { username: account.username }) };
});

const dollars = z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().min(0.5, "At least $0.50").max(100_000).optional());
const offersForm = z.object({
  id,
  access: z.enum(TITLE_ACCESS),
  rent_price: dollars,
  rental_hours: optionalNumber(z.number().int().min(1).max(24 * 90)),
  start_within_days: optionalNumber(z.number().int().min(1).max(365)),
  buy_price: dollars,
});

/** Access and offers: an empty price means no offer of that kind (the service checks the combination). */
export const offersAction = validatedAccountAction(offersForm, async (data, principal) => {
  const cents = (price: number) => Math.round(price * 100);
  const sold = data.access === "rent_or_buy" || data.access === "premium_early_access";
  const offers = !sold
    ? []
    : [
        ...(data.rent_price !== undefined
          ? [{ kind: "rent" as const, price_cents: cents(data.rent_price), currency: "usd", rental_hours: data.rental_hours ?? 48, start_within_days: data.start_within_days ?? 30 }]
          : []),
        ...(data.buy_price !== undefined ? [{ kind: "buy" as const, price_cents: cents(data.buy_price), currency: "usd" }] : []),
      ];
  await setOffers(principal, data.id, { access: data.access, offers });
  revalidatePath(`/admin/titles/${data.id}`);
  return { success: (await words())(sold ? "titleActions.offersLive" : "common.saved") };
});
