import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RangeNav, rangeOf } from "@/components/admin/range-nav";
import { PlaybackCharts } from "@/components/admin/playback-charts";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { playbackQuality } from "@/lib/analytics/playback-quality";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.playback"))("title") };
}

type Props = { searchParams: Promise<{ days?: string }> };

const COLUMNS = ["rendition", "starts", "startupP50", "startupP95", "rebuffering", "bitrate", "hours", "errors"] as const;

export default async function PlaybackQualityPage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/analytics/playback");
  const days = rangeOf((await searchParams).days);
  const [report, t, f] = await Promise.all([playbackQuality(principal, days), getTranslations("admin.playback"), getFormat()]);
  const ms = (value: number | null) => (value === null ? "—" : t("ms", { value: f.number(value) }));
  const percent = (ratio: number | null) => (ratio === null ? "—" : f.percent(ratio, 2));
  const mbps = (bits: number | null) => (bits === null ? "—" : t("mbps", { value: f.number(bits / 1_000_000, 2) }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/admin/analytics" className="text-sm text-neutral-300 underline hover:text-white">
          {t("viewingLink")}
        </Link>
        <RangeNav days={days} />
      </div>
      <PlaybackCharts perDay={report.per_day} />
      <section aria-labelledby="renditions" className="space-y-2">
        <h2 id="renditions" className="text-lg font-semibold">{t("byRendition")}</h2>
        <div className="overflow-x-auto rounded-lg bg-surface-raised ring-1 ring-white/10">
          <table className="w-full text-left text-sm">
            <thead className="text-muted">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-4 py-2 font-medium">{t(`columns.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-white/10">
              {report.per_rendition.map((r) => (
                <tr key={r.rendition}>
                  <th scope="row" className="px-4 py-2 font-medium">{r.rendition}</th>
                  <td className="px-4 py-2">{f.number(r.starts)}</td>
                  <td className="px-4 py-2">{ms(r.startup_p50_ms)}</td>
                  <td className="px-4 py-2">{ms(r.startup_p95_ms)}</td>
                  <td className="px-4 py-2">{percent(r.rebuffer_ratio)}</td>
                  <td className="px-4 py-2">{mbps(r.avg_bitrate)}</td>
                  <td className="px-4 py-2">{f.number(r.played_hours)}</td>
                  <td className="px-4 py-2">{f.number(r.errors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.per_rendition.length === 0 && <p className="px-4 py-3 text-sm text-muted">{t("noPlayback")}</p>}
        </div>
      </section>
      <section aria-labelledby="errors" className="space-y-2">
        <h2 id="errors" className="text-lg font-semibold">{t("errorsHeading")}</h2>
        {report.errors.length === 0 ? (
          <p className="text-sm text-muted">{t("noErrors")}</p>
        ) : (
          <ul className="divide-y divide-white/10 rounded-lg bg-surface-raised text-sm ring-1 ring-white/10">
            {report.errors.map((e) => (
              <li key={`${e.day}-${e.rendition}-${e.code}`} className="flex gap-4 px-4 py-2">
                <span className="w-40 text-muted">{f.date(e.day)}</span>
                <span className="w-20">{e.rendition}</span>
                <span className="flex-1 font-mono">{e.code}</span>
                <span>{f.number(e.count)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-xs text-muted">{t("footnote")}</p>
    </div>
  );
}
