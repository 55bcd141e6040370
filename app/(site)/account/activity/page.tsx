import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { ActivityCharts } from "@/components/account/activity-charts";
import { TimeZoneCookie } from "@/components/account/time-zone-cookie";
import { titleHref } from "@/components/catalog/links";
import { profileStats, STATS_TIMEFRAMES, type StatsTimeframe } from "@/lib/analytics/profile-stats";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/site/session";
import { TIME_ZONE_COOKIE, timeZoneOr } from "@/lib/site/time-zone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

function formatMinutes(minutes: number, t: Awaited<ReturnType<typeof getTranslations<"activity">>>): string {
  const whole = Math.round(minutes);
  if (whole === 0 && minutes > 0) return t("underMinute");
  return whole < 60 ? t("minutes", { minutes: whole }) : t("hoursMinutes", { hours: Math.floor(whole / 60), minutes: whole % 60 });
}

/** The chosen profile's viewing: watch time per day and by hour (in this browser's time zone), genres, titles. */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ timeframe?: string }> }) {
  const requested = (await searchParams).timeframe;
  const timeframe: StatsTimeframe = requested && requested in STATS_TIMEFRAMES ? (requested as StatsTimeframe) : "month";
  const viewer = await requireViewer(`/account/activity?timeframe=${timeframe}`);
  const timeZone = timeZoneOr((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const [stats, t, f] = await Promise.all([profileStats(viewer, timeframe, timeZone), getTranslations("activity"), getFormat()]);
  const facts = [
    [t("watchTime"), formatMinutes(stats.watch_minutes, t)],
    [t("titles"), String(stats.titles_watched)],
    [t("days"), String(stats.days_active)],
    [
      t("finished"),
      stats.completion_rate === null
        ? "–"
        : t("finishedOf", { done: stats.items_completed, started: stats.items_started, percent: Math.round(stats.completion_rate * 100) }),
    ],
  ];

  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:py-14">
      <TimeZoneCookie used={timeZone} />
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-3xl font-semibold sm:text-4xl">{t("title")}</h1>
          <p className="mt-1 text-muted">
            {t("period", { profile: viewer.profile.name, from: f.date(stats.from), to: f.date(stats.to), zone: timeZone })}{" "}
            <Link href={`/profiles?callbackUrl=${encodeURIComponent("/account/activity")}`} className="underline">
              {t("another")}
            </Link>
          </p>
        </div>
        <nav aria-label={t("rangeLabel")} className="ml-auto flex gap-2 text-sm">
          {(Object.keys(STATS_TIMEFRAMES) as StatsTimeframe[]).map((value) => (
            <Link key={value} href={`?timeframe=${value}`} aria-current={value === timeframe ? "page" : undefined} className="rounded-md px-3 py-1 ring-1 ring-white/20 aria-[current=page]:bg-white/15">
              {t(`range.${value}`)}
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
              {t("mostWatched")}
            </h2>
            <ol className="divide-y divide-white/10 rounded-lg bg-surface-raised ring-1 ring-white/10">
              {stats.top_titles.map((title) => (
                <li key={title.title_id} className="flex items-center justify-between gap-4 px-4 py-3">
                  <Link href={titleHref(title.type, title.title_id)} className="font-medium hover:underline">
                    {title.title}
                  </Link>
                  <span className="text-sm text-muted">{formatMinutes(title.minutes, t)}</span>
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : (
        <p className="rounded-lg bg-surface-raised p-6 text-muted ring-1 ring-white/10">
          {t.rich("nothing", {
            link: (chunks) => (
              <Link href="/browse" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
    </div>
  );
}
