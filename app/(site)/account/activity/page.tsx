import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { ActivityCharts } from "@/components/account/activity-charts";
import { TimeZoneCookie } from "@/components/account/time-zone-cookie";
import { titleHref } from "@/components/catalog/links";
import { profileStats, STATS_TIMEFRAMES, type StatsTimeframe } from "@/lib/analytics/profile-stats";
import { requireViewer } from "@/lib/site/session";
import { TIME_ZONE_COOKIE, timeZoneOr } from "@/lib/site/time-zone";

export const metadata: Metadata = { title: "Viewing activity" };

const LABELS: Record<StatsTimeframe, string> = { week: "Last 7 days", month: "Last 30 days", year: "Last year" };

function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole === 0 && minutes > 0) return "< 1 min";
  return whole < 60 ? `${whole} min` : `${Math.floor(whole / 60)} h ${whole % 60} min`;
}

/** The chosen profile's viewing: watch time per day and by hour (in this browser's time zone), genres, titles. */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ timeframe?: string }> }) {
  const requested = (await searchParams).timeframe;
  const timeframe: StatsTimeframe = requested && requested in STATS_TIMEFRAMES ? (requested as StatsTimeframe) : "month";
  const viewer = await requireViewer(`/account/activity?timeframe=${timeframe}`);
  const timeZone = timeZoneOr((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const stats = await profileStats(viewer, timeframe, timeZone);
  const facts = [
    ["Watch time", formatMinutes(stats.watch_minutes)],
    ["Titles", String(stats.titles_watched)],
    ["Days with viewing", String(stats.days_active)],
    ["Finished", stats.completion_rate === null ? "–" : `${stats.items_completed} of ${stats.items_started} (${Math.round(stats.completion_rate * 100)}%)`],
  ];

  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:py-14">
      <TimeZoneCookie used={timeZone} />
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-3xl font-semibold sm:text-4xl">Viewing activity</h1>
          <p className="mt-1 text-muted">
            {viewer.profile.name} · {stats.from} to {stats.to} ({timeZone}) ·{" "}
            <Link href={`/profiles?callbackUrl=${encodeURIComponent("/account/activity")}`} className="underline">
              Another profile
            </Link>
          </p>
        </div>
        <nav aria-label="Range" className="ml-auto flex gap-2 text-sm">
          {(Object.keys(STATS_TIMEFRAMES) as StatsTimeframe[]).map((value) => (
            <Link key={value} href={`?timeframe=${value}`} aria-current={value === timeframe ? "page" : undefined} className="rounded-md px-3 py-1 ring-1 ring-white/20 aria-[current=page]:bg-white/15">
              {LABELS[value]}
            </Link>
          ))}
        </nav>
      </div>

      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>

      {stats.watch_minutes > 0 ? (
        <>
          <ActivityCharts stats={stats} />
          <section aria-labelledby="most-watched">
            <h2 id="most-watched" className="mb-3 text-xl font-semibold">
              Most watched
            </h2>
            <ol className="divide-y divide-white/10 rounded-lg bg-surface-raised ring-1 ring-white/10">
              {stats.top_titles.map((title) => (
                <li key={title.title_id} className="flex items-center justify-between gap-4 px-4 py-3">
                  <Link href={titleHref(title.type, title.title_id)} className="font-medium hover:underline">
                    {title.title}
                  </Link>
                  <span className="text-sm text-muted">{formatMinutes(title.minutes)}</span>
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : (
        <p className="rounded-lg bg-surface-raised p-6 text-muted ring-1 ring-white/10">
          Nothing watched in this period yet. <Link href="/browse" className="underline">Find something to watch</Link>.
        </p>
      )}
    </div>
  );
}
