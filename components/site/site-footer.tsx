import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mx-auto mt-16 max-w-screen-2xl px-4 pb-10 text-sm text-muted sm:px-8">
      <nav aria-label={t("label")}>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/plans" className="hover:text-white hover:underline">
              {t("plans")}
            </Link>
          </li>
          <li>
            <Link href="/account" className="hover:text-white hover:underline">
              {t("account")}
            </Link>
          </li>
          <li>
            <Link href="/docs/api" className="hover:text-white hover:underline">
              {t("api")}
            </Link>
          </li>
        </ul>
      </nav>
      <p className="mt-4">{t("tagline")}</p>
    </footer>
  );
}
