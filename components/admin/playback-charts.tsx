"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Chart, ChartLegend, tooltip, useChartFormat } from "@/components/chart-frame";

type Day = { day: string; startup_p50_ms: number | null; startup_p95_ms: number | null; rebuffer_ratio: number | null; avg_bitrate: number | null; errors: number };

/** Startup time, stalls, bitrate and errors per day, drawn from GET /api/admin/analytics/playback data, in the page's language. */
export function PlaybackCharts({ perDay }: { perDay: Day[] }) {
  const t = useTranslations("admin.playback");
  const { number, day } = useChartFormat();
  const days = perDay.map((d) => ({
    ...d,
    rebuffer_percent: d.rebuffer_ratio === null ? null : Math.round(d.rebuffer_ratio * 10_000) / 100,
    mbps: d.avg_bitrate === null ? null : Math.round(d.avg_bitrate / 10_000) / 100,
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Chart title={t("startup")}>
        <LineChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" tickFormatter={day} {...axis} />
          <YAxis tickFormatter={number} {...axis} />
          <Tooltip {...tooltip} labelFormatter={day} formatter={number} />
          <Legend content={ChartLegend} />
          <Line type="monotone" dataKey="startup_p50_ms" name="p50" stroke="#34d399" strokeWidth={2} dot={false} connectNulls />
          <Line type="monotone" dataKey="startup_p95_ms" name="p95" stroke="#e50914" strokeWidth={2} dot={false} connectNulls />
        </LineChart>
      </Chart>
      <Chart title={t("rebuffer")}>
        <LineChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" tickFormatter={day} {...axis} />
          <YAxis tickFormatter={number} {...axis} />
          <Tooltip {...tooltip} labelFormatter={day} formatter={number} />
          <Line type="monotone" dataKey="rebuffer_percent" name={t("rebufferSeries")} stroke="#f59e0b" strokeWidth={2} dot={false} connectNulls />
        </LineChart>
      </Chart>
      <Chart title={t("bitrate")}>
        <LineChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" tickFormatter={day} {...axis} />
          <YAxis tickFormatter={number} {...axis} />
          <Tooltip {...tooltip} labelFormatter={day} formatter={number} />
          <Line type="monotone" dataKey="mbps" name="Mbit/s" stroke="#60a5fa" strokeWidth={2} dot={false} connectNulls />
        </LineChart>
      </Chart>
      <Chart title={t("errorsPerDay")}>
        <BarChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" tickFormatter={day} {...axis} />
          <YAxis allowDecimals={false} tickFormatter={number} {...axis} />
          <Tooltip {...tooltip} labelFormatter={day} formatter={number} />
          <Bar dataKey="errors" name={t("columns.errors")} fill="#e50914" />
        </BarChart>
      </Chart>
    </div>
  );
}
