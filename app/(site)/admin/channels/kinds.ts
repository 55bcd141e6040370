import { getTranslations } from "next-intl/server";

/** The channel forms' kind options, described in the request's language. */
export async function kindOptions() {
  const t = await getTranslations("admin.channels.kindOptions");
  return (["linear", "live"] as const).map((kind) => ({ value: kind, label: t(kind) }));
}
