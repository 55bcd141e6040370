import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JobsLive } from "@/components/admin/jobs-live";
import { listQueue } from "@/lib/admin/jobs";
import { requireAdminPage } from "@/lib/admin/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.jobs"))("title") };
}

export default async function AdminJobsPage() {
  const principal = await requireAdminPage("/admin/jobs");
  const [{ items }, t] = await Promise.all([listQueue(principal, { limit: 100 }), getTranslations("admin.jobs")]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-muted">{t("help")}</p>
      <JobsLive initial={items} />
    </div>
  );
}
