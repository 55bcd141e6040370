import type { Metadata } from "next";
import Link from "next/link";
import { viewingReport } from "@/lib/admin/analytics";
import { listAdminTitles } from "@/lib/admin/catalog";
import { listQueue } from "@/lib/admin/jobs";
import { requireAdminPage } from "@/lib/admin/page-guard";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminOverviewPage() {
  const principal = await requireAdminPage("/admin");
  const [titles, jobs, week] = await Promise.all([
    listAdminTitles(principal, { limit: 1, offset: 0 }),
    listQueue(principal, { limit: 500 }),
    viewingReport(principal, 7),
  ]);
  const count = (stages: string[]) => jobs.items.filter((j) => stages.includes(j.stage)).length;
  const cards = [
    { label: "Titles", value: titles.total, href: "/admin/titles" },
    { label: "Jobs running or queued", value: count(["queued", "probing", "encoding", "thumbnails"]), href: "/admin/jobs" },
    { label: "Failed jobs", value: count(["failed"]), href: "/admin/jobs" },
    { label: "Views this week", value: week.totals.views, href: "/admin/analytics?days=7" },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Admin</h1>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => (
          <Link key={c.label} href={c.href} className="rounded-lg bg-surface-raised p-4 ring-1 ring-white/10 hover:ring-white/30">
            <p className="text-sm text-muted">{c.label}</p>
            <p className="text-3xl font-bold">{c.value}</p>
          </Link>
        ))}
      </div>
      <p className="text-sm text-muted">
        Add a title, upload its video, watch the job finish, then publish it. Grant the admin role with <code>npm run admin -- grant &lt;username&gt;</code>.
      </p>
    </div>
  );
}
