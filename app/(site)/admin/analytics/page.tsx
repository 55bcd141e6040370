import type { Metadata } from "next";
import Link from "next/link";
import { RangeNav, rangeOf } from "@/components/admin/range-nav";
import { AnalyticsCharts } from "@/components/admin/analytics-charts";
import { viewingReport } from "@/lib/admin/analytics";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { CANCEL_REASON_LABELS, type CancelReason } from "@/lib/billing/plans";
import { getFormat } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Analytics" };

type Props = { searchParams: Promise<{ days?: string }> };

export default async function AdminAnalyticsPage({ searchParams }: Props) {
  const f = await getFormat();
  const principal = await requireAdminPage("/admin/analytics");
  const days = rangeOf((await searchParams).days);
  const report = await viewingReport(principal, days);
  const stats = [
    { label: "Views", value: report.totals.views.toLocaleString() },
    { label: "Watch hours", value: report.totals.watch_hours.toLocaleString() },
    { label: "Completion rate", value: report.totals.completion_rate === null ? "—" : `${Math.round(report.totals.completion_rate * 100)}%` },
    { label: "Rental and purchase revenue", value: f.price({ price_cents: report.sales.totals.revenue_cents, currency: report.sales.currency }) },
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
      <section aria-labelledby="churn" className="rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
        <h2 id="churn" className="text-lg font-semibold">
          Why members leave
        </h2>
        {report.churn.cancellations === 0 ? (
          <p className="mt-2 text-sm text-muted">No cancellations in this range.</p>
        ) : (
          <div className="mt-3 grid gap-6 lg:grid-cols-2">
            <table className="w-full text-sm">
              <caption className="sr-only">Cancellations by the reason given</caption>
              <thead>
                <tr className="text-left text-muted">
                  <th scope="col" className="pb-2 font-normal">Reason</th>
                  <th scope="col" className="pb-2 text-right font-normal">Cancellations</th>
                </tr>
              </thead>
              <tbody>
                {report.churn.by_reason.map((row) => (
                  <tr key={row.reason ?? "none"} className="border-t border-white/10">
                    <td className="py-1.5">{row.reason ? (CANCEL_REASON_LABELS[row.reason as CancelReason] ?? row.reason) : "No reason given"}</td>
                    <td className="py-1.5 text-right tabular-nums">{row.cancellations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div>
              <h3 className="text-sm text-muted">Latest feedback</h3>
              {report.churn.latest_feedback.length === 0 ? (
                <p className="mt-2 text-sm text-muted">Nobody wrote anything.</p>
              ) : (
                <ul className="mt-2 space-y-3 text-sm">
                  {report.churn.latest_feedback.map((item) => (
                    <li key={item.created_at + item.feedback}>
                      <p>“{item.feedback}”</p>
                      <p className="text-xs text-muted">
                        {f.date(item.created_at)} · {item.plan} · {item.at_period_end ? "at the period's end" : "at once"}
                        {item.reason && ` · ${CANCEL_REASON_LABELS[item.reason as CancelReason] ?? item.reason}`}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </section>
      <p className="text-xs text-muted">A view is a profile watching a movie or episode on a day (UTC). Recorded from viewers&apos; progress; updated every few minutes. Revenue counts rentals and purchases by the day they were paid, refunds excluded.</p>
    </div>
  );
}
