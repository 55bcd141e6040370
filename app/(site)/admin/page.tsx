import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { viewingReport } from "@/lib/admin/analytics";
import { listAdminTitles } from "@/lib/admin/catalog";
import { listQueue } from "@/lib/admin/jobs";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.overview"))("title") };
}

export default async function AdminOverviewPage() {
  const principal = await requireAdminPage("/admin");
  const [titles, jobs, week, t, f] = await Promise.all([
    listAdminTitles(principal, { limit: 1, offset: 0 }),
    listQueue(principal, { limit: 500 }),
    viewingReport(principal, 7),
    getTranslations("admin.overview"),
    getFormat(),
  ]);
  const count = (stages: string[]) => jobs.items.filter((j) => stages.includes(j.stage)).length;
  const cards = [
    { label: t("titles"), value: titles.total, href: "/admin/titles" },
    { label: t("jobsActive"), value: count(["queued", "probing", "encoding", "thumbnails"]), href: "/admin/jobs" },
    { label: t("jobsFailed"), value: count(["failed"]), href: "/admin/jobs" },
    { label: t("viewsWeek"), value: week.totals.views, href: "/admin/analytics?days=7" },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => (
          <Link key={c.label} href={c.href} className="rounded-lg bg-surface-raised p-4 ring-1 ring-white/10 hover:ring-white/30">
            <p className="text-sm text-muted">{c.label}</p>
            <p className="text-3xl font-bold">{f.number(c.value)}</p>
          </Link>
        ))}
      </div>
      <p className="text-sm text-muted">
        {t.rich("help", { command: `npm run admin -- grant <${t("username")}>`, code: (chunks) => <code>{chunks}</code> })}
      </p>
    </div>
  );
}
