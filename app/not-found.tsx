import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("pageTitle") };
}

// Every URL nothing answers (and every notFound() outside a section with its own): the site's page, with its
// navigation, instead of Next's bare default.
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <>
      <SiteHeader />
      <main id="main" className="min-h-[70dvh]">
        <NotFoundMessage heading={t("pageTitle")}>{t("pageText")}</NotFoundMessage>
      </main>
      <SiteFooter />
    </>
  );
}
