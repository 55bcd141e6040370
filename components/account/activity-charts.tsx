"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Chart, describeMinutes, tooltip } from "@/components/chart-frame";

type Stats = {
  per_day: { date: string; minutes: number }[];
  by_hour: { hour: number; minutes: number }[];
  by_genre: { name: string; minutes: number }[];
};

/** Minutes per day, by hour of the day and by genre, drawn with recharts from GET /api/profiles/{name}/stats data. */
export function ActivityCharts({ stats }: { stats: Stats }) {
  const days = stats.per_day.map((d) => ({ label: d.date.slice(5), minutes: d.minutes }));
  const hours = stats.by_hour.map((h) => ({ label: `${String(h.hour).padStart(2, "0")}:00`, minutes: h.minutes }));
  const genres = stats.by_genre.map((g) => ({ label: g.name, minutes: g.minutes }));
  const t = useTranslations("activity");
  const summary = (rows: { label: string; minutes: number }[]) => describeMinutes(rows) || t("nothingWatched");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Chart title={t("perDay")} summary={summary(days)}>
        <BarChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="label" {...axis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Bar dataKey="minutes" name={t("minutesAxis")} fill="#e50914" />
        </BarChart>
      </Chart>
      <Chart title={t("byHour")} summary={summary(hours)}>
        <BarChart data={hours}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="label" interval={5} {...axis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Bar dataKey="minutes" name={t("minutesAxis")} fill="#60a5fa" />
        </BarChart>
      </Chart>
      <Chart title={t("genres")} summary={summary(genres)}>
        <BarChart data={genres} layout="vertical" margin={{ left: 24 }}>
          <XAxis type="number" {...axis} />
          <YAxis type="category" dataKey="label" width={120} {...axis} />
          <Tooltip {...tooltip} />
          <Bar dataKey="minutes" name={t("minutesAxis")} fill="#34d399" />
        </BarChart>
      </Chart>
    </div>
  );
}
