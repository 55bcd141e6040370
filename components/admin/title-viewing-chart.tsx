"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Chart, tooltip } from "@/components/chart-frame";

/** A title's views and viewers per day (GET /api/admin/titles/{title_id}/analytics). */
export function TitleViewingChart({ perDay }: { perDay: { day: string; views: number; viewers: number }[] }) {
  const days = perDay.map((d) => ({ ...d, day: d.day.slice(5) }));
  const summary = days.filter((d) => d.views || d.viewers).map((d) => `${d.day}: ${d.views} views, ${d.viewers} viewers`).join("; ") || "No viewing in this range.";
  return (
    <Chart title="Views and viewers per day" summary={summary}>
      <BarChart data={days}>
        <CartesianGrid stroke="#333" vertical={false} />
        <XAxis dataKey="day" {...axis} />
        <YAxis allowDecimals={false} {...axis} />
        <Tooltip {...tooltip} />
        <Legend />
        <Bar dataKey="views" name="Views" fill="#e50914" />
        <Bar dataKey="viewers" name="Viewers" fill="#60a5fa" />
      </BarChart>
    </Chart>
  );
}
