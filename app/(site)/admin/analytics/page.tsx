import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RangeNav, rangeOf } from "@/components/admin/range-nav";
import { AnalyticsCharts } from "@/components/admin/analytics-charts";
import { viewingReport } from "@/lib/admin/analytics";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.analytics"))("title") };
}

type Props = { searchParams: Promise<{ days?: string }> };

export default async function AdminAnalyticsPage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/analytics");
  const days = rangeOf((await searchParams).days);
  const [report, t, f] = await Promise.all([viewingReport(principal, days), getTranslations(), getFormat()]);
  // A cancellation's reason, as the cancel form words it (an unknown one as stored).
  const reason = (code: string) => {
    const key = `account.plan.reasons.${code}` as "account.plan.reasons.other";
    return t.has(key) ? t(key) : code;
  };
  const stats = [
    { label: t("admin.common.views"), value: f.number(report.totals.views) },
    { label: t("admin.common.watchHours"), value: f.number(report.totals.watch_hours) },
    { label: t("admin.analytics.completion"), value: report.totals.completion_rate === null ? "—" : f.percent(report.totals.completion_rate) },
    { label: t("admin.analytics.revenue"), value: f.price({ price_cents: report.sales.totals.revenue_cents, currency: report.sales.currency }) },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">{t("admin.analytics.title")}</h1>
        <Link href="/admin/analytics/playback" className="text-sm text-neutral-300 underline hover:text-white">
          {t("admin.analytics.playbackLink")}
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
          {t("admin.analytics.churn")}
        </h2>
        {report.churn.cancellations === 0 ? (
          <p className="mt-2 text-sm text-muted">{t("admin.analytics.noCancellations")}</p>
        ) : (
          <div className="mt-3 grid gap-6 lg:grid-cols-2">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("admin.analytics.churnCaption")}</caption>
              <thead>
                <tr className="text-left text-muted">
                  <th scope="col" className="pb-2 font-normal">{t("admin.analytics.reason")}</th>
                  <th scope="col" className="pb-2 text-right font-normal">{t("admin.analytics.cancellations")}</th>
                </tr>
              </thead>
              <tbody>
                {report.churn.by_reason.map((row) => (
                  <tr key={row.reason ?? "none"} className="border-t border-white/10">
                    <td className="py-1.5">{row.reason ? reason(row.reason) : t("admin.analytics.noReason")}</td>
                    <td className="py-1.5 text-right tabular-nums">{f.number(row.cancellations)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div>
              <h3 className="text-sm text-muted">{t("admin.analytics.latestFeedback")}</h3>
              {report.churn.latest_feedback.length === 0 ? (
                <p className="mt-2 text-sm text-muted">{t("admin.analytics.noFeedback")}</p>
              ) : (
                <ul className="mt-2 space-y-3 text-sm">
                  {report.churn.latest_feedback.map((item) => (
                    <li key={item.created_at + item.feedback}>
                      <p>“{item.feedback}”</p>
                      <p className="text-xs text-muted">
                        {f.date(item.created_at)} · {item.plan} · {t(item.at_period_end ? "admin.analytics.atPeriodEnd" : "admin.analytics.atOnce")}
                        {item.reason && ` · ${reason(item.reason)}`}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </section>
      <p className="text-xs text-muted">{t("admin.analytics.footnote")}</p>
    </div>
  );
}
