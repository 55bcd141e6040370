import { CardPreviews } from "@/components/catalog/card-preview";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { VerifyEmailBanner } from "@/components/site/verify-email-banner";

// Every page of the site (browse, title, search, profiles, account, sign-in…) shares this header and footer.
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
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
