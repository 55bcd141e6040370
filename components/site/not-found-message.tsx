import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The body of the site's 404 pages: what was not found, and the ways on. */
export async function NotFoundMessage({ heading, children }: { heading: string; children: React.ReactNode }) {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold tracking-widest text-neutral-300">404</p>
      <h1 className="mt-2 text-3xl font-bold">{heading}</h1>
      <p className="mt-4 text-muted">{children}</p>
      <div className="mt-8 flex justify-center gap-4">
        <Link href="/browse" className="rounded bg-white px-5 py-2.5 font-semibold text-black hover:bg-neutral-200">
          {t("backToBrowsing")}
        </Link>
        <Link href="/search" className="rounded border border-neutral-500 px-5 py-2.5 font-semibold hover:border-white">
          {t("search")}
        </Link>
      </div>
    </div>
  );
}
