import type { Metadata } from "next";
import Link from "next/link";
import { RangeNav, rangeOf } from "@/components/admin/range-nav";
import { PlaybackCharts } from "@/components/admin/playback-charts";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { playbackQuality } from "@/lib/analytics/playback-quality";

export const metadata: Metadata = { title: "Playback quality" };

type Props = { searchParams: Promise<{ days?: string }> };

const ms = (value: number | null) => (value === null ? "—" : `${value.toLocaleString()} ms`);
const percent = (ratio: number | null) => (ratio === null ? "—" : `${(ratio * 100).toFixed(2)}%`);
const mbps = (bits: number | null) => (bits === null ? "—" : `${(bits / 1_000_000).toFixed(2)} Mbit/s`);

export default async function PlaybackQualityPage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/analytics/playback");
  const days = rangeOf((await searchParams).days);
  const report = await playbackQuality(principal, days);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">Playback quality</h1>
        <Link href="/admin/analytics" className="text-sm text-neutral-300 underline hover:text-white">
          Viewing analytics
        </Link>
        <RangeNav days={days} />
      </div>
      <PlaybackCharts perDay={report.per_day} />
      <section aria-labelledby="renditions" className="space-y-2">
        <h2 id="renditions" className="text-lg font-semibold">By rendition</h2>
        <div className="overflow-x-auto rounded-lg bg-surface-raised ring-1 ring-white/10">
          <table className="w-full text-left text-sm">
            <thead className="text-muted">
              <tr>
                {["Rendition", "Starts", "Startup p50", "Startup p95", "Rebuffering", "Avg bitrate", "Hours played", "Errors"].map((h) => (
                  <th key={h} scope="col" className="px-4 py-2 font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-white/10">
              {report.per_rendition.map((r) => (
                <tr key={r.rendition}>
                  <th scope="row" className="px-4 py-2 font-medium">{r.rendition}</th>
                  <td className="px-4 py-2">{r.starts.toLocaleString()}</td>
                  <td className="px-4 py-2">{ms(r.startup_p50_ms)}</td>
                  <td className="px-4 py-2">{ms(r.startup_p95_ms)}</td>
                  <td className="px-4 py-2">{percent(r.rebuffer_ratio)}</td>
                  <td className="px-4 py-2">{mbps(r.avg_bitrate)}</td>
                  <td className="px-4 py-2">{r.played_hours.toLocaleString()}</td>
                  <td className="px-4 py-2">{r.errors.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.per_rendition.length === 0 && <p className="px-4 py-3 text-sm text-muted">No playback reported in this range yet.</p>}
        </div>
      </section>
      <section aria-labelledby="errors" className="space-y-2">
        <h2 id="errors" className="text-lg font-semibold">Errors by day and rendition</h2>
        {report.errors.length === 0 ? (
          <p className="text-sm text-muted">No playback errors in this range.</p>
        ) : (
          <ul className="divide-y divide-white/10 rounded-lg bg-surface-raised text-sm ring-1 ring-white/10">
            {report.errors.map((e) => (
              <li key={`${e.day}-${e.rendition}-${e.code}`} className="flex gap-4 px-4 py-2">
                <span className="w-28 text-muted">{e.day}</span>
                <span className="w-20">{e.rendition}</span>
                <span className="flex-1 font-mono">{e.code}</span>
                <span>{e.count.toLocaleString()}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-xs text-muted">Reported by viewers&apos; players (startup, stalls, rendition switches, errors, heartbeats); days in UTC.</p>
    </div>
  );
}
