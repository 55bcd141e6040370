import type { Metadata } from "next";
import Link from "next/link";
import { RangeNav, rangeOf } from "@/components/admin/range-nav";
import { AnalyticsCharts } from "@/components/admin/analytics-charts";
import { viewingReport } from "@/lib/admin/analytics";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { formatPrice } from "@/lib/site/format";

export const metadata: Metadata = { title: "Analytics" };

type Props = { searchParams: Promise<{ days?: string }> };

export default async function AdminAnalyticsPage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/analytics");
  const days = rangeOf((await searchParams).days);
  const report = await viewingReport(principal, days);
  const stats = [
    { label: "Views", value: report.totals.views.toLocaleString() },
    { label: "Watch hours", value: report.totals.watch_hours.toLocaleString() },
    { label: "Completion rate", value: report.totals.completion_rate === null ? "—" : `${Math.round(report.totals.completion_rate * 100)}%` },
    { label: "Rental and purchase revenue", value: formatPrice({ price_cents: report.sales.totals.revenue_cents, currency: report.sales.currency }) },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">Analytics</h1>
        <Link href="/admin/analytics/playback" className="text-sm text-neutral-300 underline hover:text-white">
          Playback quality
        </Link>
        <RangeNav days={days} />
      </div>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <dt className="text-sm text-muted">{s.label}</dt>
            <dd className="text-3xl font-bold">{s.value}</dd>
          </div>
        ))}
      </dl>
      <AnalyticsCharts report={report} />
      <p className="text-xs text-muted">A view is a profile watching a movie or episode on a day (UTC). Recorded from viewers&apos; progress; updated every few minutes. Revenue counts rentals and purchases by the day they were paid, refunds excluded.</p>
    </div>
  );
}
