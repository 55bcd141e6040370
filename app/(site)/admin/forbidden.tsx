import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Rendered, with status 403, when a signed-in account without the admin role opens an admin page.
export default async function AdminForbidden() {
  const t = await getTranslations("admin.forbidden");
  return (
    <div className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-3xl font-bold">{t("heading")}</h1>
      <p className="mt-3 text-muted">{t("text")}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-white/10 px-4 py-2 text-sm font-semibold hover:bg-white/20">
        {t("back")}
      </Link>
    </div>
  );
}
