import type { Metadata } from "next";
import Link from "next/link";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";

export const metadata: Metadata = { title: "Page not found" };

// Every URL nothing answers (and every notFound() outside a section with its own): the site's page, with its
// navigation, instead of Next's bare default.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto min-h-[70dvh] max-w-xl px-6 py-24 text-center">
        <p className="text-sm font-semibold tracking-widest text-brand">404</p>
        <h1 className="mt-2 text-3xl font-bold">Page not found</h1>
        <p className="mt-4 text-muted">There is nothing at this address. The link may be mistyped, or what it pointed to was removed.</p>
        <div className="mt-8 flex justify-center gap-4">
          <Link href="/browse" className="rounded bg-white px-5 py-2.5 font-semibold text-black hover:bg-neutral-200">
            Go to browsing
          </Link>
          <Link href="/search" className="rounded border border-neutral-500 px-5 py-2.5 font-semibold hover:border-white">
            Search
          </Link>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
