import { CardPreviews } from "@/components/catalog/card-preview";
import { getTranslations } from "next-intl/server";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { VerifyEmailBanner } from "@/components/site/verify-email-banner";

// Every page of the site (browse, title, search, profiles, account, sign-in…) shares this header and footer.
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("site");
  return (
    <>
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <SiteHeader />
      <VerifyEmailBanner />
      <main id="main" tabIndex={-1} className="min-h-[70dvh] focus:outline-none">
        {children}
      </main>
      <SiteFooter />
      <CardPreviews />
    </>
  );
}
