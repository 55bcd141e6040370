"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Chart, ChartLegend, tooltip, useChartFormat } from "@/components/chart-frame";
import { useFormat } from "@/lib/i18n/client";

/** A title's views and viewers per day (GET /api/admin/titles/{title_id}/analytics). */
export function TitleViewingChart({ perDay }: { perDay: { day: string; views: number; viewers: number }[] }) {
  const t = useTranslations("admin");
  const f = useFormat();
  const { number, day } = useChartFormat();
  const summary =
    perDay
      .filter((d) => d.views || d.viewers)
      .map((d) => t("title.chartDay", { day: f.day(d.day), views: f.number(d.views), viewers: f.number(d.viewers) }))
      .join("; ") || t("title.noViewing");
  return (
    <Chart title={t("title.chart")} summary={summary}>
      <BarChart data={perDay}>
        <CartesianGrid stroke="#333" vertical={false} />
        <XAxis dataKey="day" tickFormatter={day} {...axis} />
        <YAxis allowDecimals={false} tickFormatter={number} {...axis} />
        <Tooltip {...tooltip} labelFormatter={day} formatter={number} />
        <Legend content={ChartLegend} />
        <Bar dataKey="views" name={t("common.views")} fill="#e50914" />
        <Bar dataKey="viewers" name={t("title.viewers")} fill="#60a5fa" />
      </BarChart>
    </Chart>
  );
}
