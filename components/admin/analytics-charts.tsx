"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Chart, ChartLegend, tooltip, useChartFormat } from "@/components/chart-frame";

type Report = {
  per_day: { day: string; views: number; hours: number; completions: number }[];
  top_titles: { title: string; views: number; hours: number }[];
  plan_mix: { plan: string; accounts: number }[];
  sales: {
    currency: string;
    per_day: { day: string; rental_cents: number; purchase_cents: number }[];
    top_titles: { title: string; revenue_cents: number }[];
  };
};

const planColours: Record<string, string> = { basic: "#60a5fa", standard: "#34d399", premium: "#e50914", none: "#525252" };

/**
 * Views and watch hours per day, top titles, plan mix and sales, drawn with recharts from GET /api/admin/analytics
 * data; days, numbers and money in the page's language.
 */
export function AnalyticsCharts({ report }: { report: Report }) {
  const t = useTranslations("admin");
  const format = useChartFormat();
  const { number, day } = format;
  const { currency } = report.sales;
  const money = format.money(currency);
  const plans = report.plan_mix.map((p) => ({ ...p, plan: p.plan === "none" ? t("common.noPlan") : p.plan, key: p.plan }));
  const code = currency.toUpperCase();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Chart title={t("analytics.viewsPerDay")}>
        <LineChart data={report.per_day}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" tickFormatter={day} {...axis} />
          <YAxis allowDecimals={false} tickFormatter={number} {...axis} />
          <Tooltip {...tooltip} labelFormatter={day} formatter={number} />
          <Legend content={ChartLegend} />
          <Line type="monotone" dataKey="views" name={t("common.views")} stroke="#e50914" strokeWidth={2} dot={false} />
          <Line type="monotone" dataKey="completions" name={t("common.finished")} stroke="#34d399" strokeWidth={2} dot={false} />
        </LineChart>
      </Chart>
      <Chart title={t("analytics.hoursPerDay")}>
        <BarChart data={report.per_day}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" tickFormatter={day} {...axis} />
          <YAxis tickFormatter={number} {...axis} />
          <Tooltip {...tooltip} labelFormatter={day} formatter={number} />
          <Bar dataKey="hours" name={t("analytics.hours")} fill="#60a5fa" />
        </BarChart>
      </Chart>
      <Chart title={t("analytics.topTitles")}>
        <BarChart data={report.top_titles} layout="vertical" margin={{ left: 24 }}>
          <XAxis type="number" tickFormatter={number} {...axis} />
          <YAxis type="category" dataKey="title" width={140} {...axis} />
          <Tooltip {...tooltip} formatter={number} />
          <Bar dataKey="hours" name={t("analytics.hours")} fill="#e50914" />
        </BarChart>
      </Chart>
      <Chart title={t("analytics.planMix")}>
        <PieChart>
          <Pie data={plans} dataKey="accounts" nameKey="plan" innerRadius="45%" outerRadius="80%" label>
            {plans.map((p) => (
              <Cell key={p.key} fill={planColours[p.key] ?? "#a3a3a3"} />
            ))}
          </Pie>
          <Tooltip {...tooltip} formatter={number} />
          <Legend content={ChartLegend} />
        </PieChart>
      </Chart>
      <Chart title={t("analytics.revenuePerDay", { currency: code })}>
        <BarChart data={report.sales.per_day}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" tickFormatter={day} {...axis} />
          <YAxis tickFormatter={money} width={72} {...axis} />
          <Tooltip {...tooltip} labelFormatter={day} formatter={money} />
          <Legend content={ChartLegend} />
          <Bar dataKey="rental_cents" name={t("analytics.rentals")} stackId="sales" fill="#60a5fa" />
          <Bar dataKey="purchase_cents" name={t("analytics.purchases")} stackId="sales" fill="#e50914" />
        </BarChart>
      </Chart>
      <Chart title={t("analytics.topEarners", { currency: code })}>
        <BarChart data={report.sales.top_titles} layout="vertical" margin={{ left: 24 }}>
          <XAxis type="number" tickFormatter={money} {...axis} />
          <YAxis type="category" dataKey="title" width={140} {...axis} />
          <Tooltip {...tooltip} formatter={money} />
          <Bar dataKey="revenue_cents" name={t("analytics.revenueSeries")} fill="#34d399" />
        </BarChart>
      </Chart>
    </div>
  );
}
