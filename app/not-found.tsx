import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";

export const metadata: Metadata = { title: "Page not found" };

// Every URL nothing answers (and every notFound() outside a section with its own): the site's page, with its
// navigation, instead of Next's bare default.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="min-h-[70dvh]">
        <NotFoundMessage heading="Page not found">
          There is nothing at this address. The link may be mistyped, or what it pointed to was removed.
        </NotFoundMessage>
      </main>
      <SiteFooter />
    </>
  );
}
