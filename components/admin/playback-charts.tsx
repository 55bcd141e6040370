"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Chart, tooltip } from "@/components/chart-frame";

type Day = { day: string; startup_p50_ms: number | null; startup_p95_ms: number | null; rebuffer_ratio: number | null; avg_bitrate: number | null; errors: number };

/** Startup time, stalls, bitrate and errors per day, drawn from GET /api/admin/analytics/playback data. */
export function PlaybackCharts({ perDay }: { perDay: Day[] }) {
  const days = perDay.map((d) => ({
    ...d,
    day: d.day.slice(5),
    rebuffer_percent: d.rebuffer_ratio === null ? null : Math.round(d.rebuffer_ratio * 10_000) / 100,
    mbps: d.avg_bitrate === null ? null : Math.round(d.avg_bitrate / 10_000) / 100,
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Chart title="Startup time (ms)">
        <LineChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" {...axis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Legend />
          <Line type="monotone" dataKey="startup_p50_ms" name="p50" stroke="#34d399" strokeWidth={2} dot={false} connectNulls />
          <Line type="monotone" dataKey="startup_p95_ms" name="p95" stroke="#e50914" strokeWidth={2} dot={false} connectNulls />
        </LineChart>
      </Chart>
      <Chart title="Rebuffering (% of viewing time)">
        <LineChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" {...axis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Line type="monotone" dataKey="rebuffer_percent" name="Rebuffering %" stroke="#f59e0b" strokeWidth={2} dot={false} connectNulls />
        </LineChart>
      </Chart>
      <Chart title="Average bitrate (Mbit/s)">
        <LineChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" {...axis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Line type="monotone" dataKey="mbps" name="Mbit/s" stroke="#60a5fa" strokeWidth={2} dot={false} connectNulls />
        </LineChart>
      </Chart>
      <Chart title="Playback errors per day">
        <BarChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" {...axis} />
          <YAxis allowDecimals={false} {...axis} />
          <Tooltip {...tooltip} />
          <Bar dataKey="errors" name="Errors" fill="#e50914" />
        </BarChart>
      </Chart>
    </div>
  );
}
