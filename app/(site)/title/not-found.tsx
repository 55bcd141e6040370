import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/site/not-found-message";

// A title the profile may not see (above its rating, or in a genre its kids controls block) answers as an unknown id
// does, and names nothing: not in the heading, the tab's title or the link previews.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("titleHeading"), openGraph: null, twitter: null };
}

export default async function TitleNotFound() {
  const t = await getTranslations("notFound");
  return <NotFoundMessage heading={t("titleHeading")}>{t("titleText")}</NotFoundMessage>;
}
