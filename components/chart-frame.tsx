"use client";

import { useMemo } from "react";
import { ResponsiveContainer, type LegendPayload } from "recharts";
import { useFormat } from "@/lib/i18n/client";

// The frame and styling every recharts figure on the site shares (admin analytics, playback quality, viewing activity).

export const axis = { stroke: "#a3a3a3", fontSize: 12 };
export const tooltip = { contentStyle: { background: "#181818", border: "1px solid #333" }, labelStyle: { color: "#fff" } };

/** A titled figure holding one chart; `summary` says the same figures in words for screen readers. */
export function Chart({ title, summary, children }: { title: string; summary?: string; children: React.ReactElement }) {
  return (
    <figure className="rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
      <figcaption className="mb-3 font-semibold">{title}</figcaption>
      {summary && <p className="sr-only">{summary}</p>}
      {/* Not hidden from assistive technology: recharts' accessibility layer makes the chart keyboard-navigable. */}
      <div className="h-64">
        <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>
      </div>
    </figure>
  );
}

/**
 * A chart's legend (recharts' Legend `content`): each series' swatch and name. Recharts' own colours each name like its
 * series (too little contrast for red on the dark card) and labels the swatches "… legend icon" in English.
 */
export function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-neutral-200">
      {payload?.map((entry, index) => (
        <li key={entry.value ?? index} className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ background: entry.color }} />
          {entry.value}
        </li>
      ))}
    </ul>
  );
}

/** "label: N min; …" for a chart's summary ("" when nothing was watched: the caller says so in its language). */
export const describeMinutes = (rows: { label: string; minutes: number }[]) =>
  rows.filter((row) => row.minutes > 0).map((row) => `${row.label}: ${row.minutes} min`).join("; ");

/**
 * Axis ticks and tooltips in the page's language: numbers, days ("2026-03-05" → "Mar 5") and money in cents.
 * Recharts hands formatters unknown values (a series' number, or the day on the category axis).
 */
export function useChartFormat() {
  const f = useFormat();
  return useMemo(
    () => ({
      number: (value: unknown) => f.number(Number(value)),
      day: (value: unknown) => f.day(String(value)),
      money: (currency: string) => (cents: unknown) => f.price({ price_cents: Math.round(Number(cents)), currency }),
    }),
    [f],
  );
}
