"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, Tooltip, XAxis, YAxis } from "recharts";
import { axis, Chart, tooltip } from "@/components/chart-frame";

type Report = {
  per_day: { day: string; views: number; hours: number; completions: number }[];
  top_titles: { title: string; views: number; hours: number }[];
  plan_mix: { plan: string; accounts: number }[];
  sales: {
    per_day: { day: string; rental_cents: number; purchase_cents: number }[];
    top_titles: { title: string; revenue_cents: number }[];
  };
};

const dollars = (cents: number) => Math.round(cents) / 100;

const planColours: Record<string, string> = { basic: "#60a5fa", standard: "#34d399", premium: "#e50914", none: "#525252" };

/** Views and watch hours per day, top titles, plan mix and sales, drawn with recharts from GET /api/admin/analytics data. */
export function AnalyticsCharts({ report }: { report: Report }) {
  const days = report.per_day.map((d) => ({ ...d, day: d.day.slice(5) }));
  const sales = report.sales.per_day.map((d) => ({ day: d.day.slice(5), rentals: dollars(d.rental_cents), purchases: dollars(d.purchase_cents) }));
  const earners = report.sales.top_titles.map((t) => ({ title: t.title, revenue: dollars(t.revenue_cents) }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Chart title="Views per day">
        <LineChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" {...axis} />
          <YAxis allowDecimals={false} {...axis} />
          <Tooltip {...tooltip} />
          <Legend />
          <Line type="monotone" dataKey="views" name="Views" stroke="#e50914" strokeWidth={2} dot={false} />
          <Line type="monotone" dataKey="completions" name="Finished" stroke="#34d399" strokeWidth={2} dot={false} />
        </LineChart>
      </Chart>
      <Chart title="Watch hours per day">
        <BarChart data={days}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" {...axis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Bar dataKey="hours" name="Hours" fill="#60a5fa" />
        </BarChart>
      </Chart>
      <Chart title="Top titles (watch hours)">
        <BarChart data={report.top_titles} layout="vertical" margin={{ left: 24 }}>
          <XAxis type="number" {...axis} />
          <YAxis type="category" dataKey="title" width={140} {...axis} />
          <Tooltip {...tooltip} />
          <Bar dataKey="hours" name="Hours" fill="#e50914" />
        </BarChart>
      </Chart>
      <Chart title="Plan mix (accounts)">
        <PieChart>
          <Pie data={report.plan_mix} dataKey="accounts" nameKey="plan" innerRadius="45%" outerRadius="80%" label>
            {report.plan_mix.map((p) => (
              <Cell key={p.plan} fill={planColours[p.plan] ?? "#a3a3a3"} />
            ))}
          </Pie>
          <Tooltip {...tooltip} />
          <Legend />
        </PieChart>
      </Chart>
      <Chart title="Rental and purchase revenue per day (USD)">
        <BarChart data={sales}>
          <CartesianGrid stroke="#333" vertical={false} />
          <XAxis dataKey="day" {...axis} />
          <YAxis {...axis} />
          <Tooltip {...tooltip} />
          <Legend />
          <Bar dataKey="rentals" name="Rentals" stackId="sales" fill="#60a5fa" />
          <Bar dataKey="purchases" name="Purchases" stackId="sales" fill="#e50914" />
        </BarChart>
      </Chart>
      <Chart title="Top-earning titles (USD)">
        <BarChart data={earners} layout="vertical" margin={{ left: 24 }}>
          <XAxis type="number" {...axis} />
          <YAxis type="category" dataKey="title" width={140} {...axis} />
          <Tooltip {...tooltip} />
          <Bar dataKey="revenue" name="Revenue" fill="#34d399" />
        </BarChart>
      </Chart>
    </div>
  );
}
