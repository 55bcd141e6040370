"use client";

import { ResponsiveContainer } from "recharts";

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

/** "label: N min; …" for a chart's summary ("" when nothing was watched: the caller says so in its language). */
export const describeMinutes = (rows: { label: string; minutes: number }[]) =>
  rows.filter((row) => row.minutes > 0).map((row) => `${row.label}: ${row.minutes} min`).join("; ");
