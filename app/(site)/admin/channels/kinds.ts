import { getTranslations } from "next-intl/server";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";

/** The channel forms' kind options, described in the request's language. */
export async function kindOptions() {
  const t = await getTranslations("admin.channels.kindOptions");
  return (["linear", "live"] as const).map((kind) => ({ value: kind, label: t(kind) }));
}

/**
 * The channel forms' rating options. Unrated is an answer of its own: a live channel without a rating counts as the
 * highest (lib/access/visibility.ts), a linear one is judged by its titles.
 */
export async function ratingOptions() {
  const t = await getTranslations("admin.channels");
  return [{ value: "", label: t("unratedOption") }, ...MATURITY_RATINGS.map((rating) => ({ value: rating, label: rating }))];
}
