// How trending is scored (db/queries/trending.ts keeps the scores; lib/catalog/trending.ts serves them).
//
// Every viewing event has a weight: a stream start 1, and each 10 minutes watched 1 more (a two-hour film watched to
// the end weighs 13, a start abandoned after a minute 1.1). Within a window, an event's weight halves every
// half-life (a quarter of the window): yesterday's hit fades from "day" within hours, from "month" within weeks.
// A title is listed for a window when it was watched within it; events before the window weigh at most 1/16 of
// what they did.
//
// Kept per title and window as s = log2(Σ weight·2^(t / half-life)), t in hours since the epoch: an event adds itself
// without reading the others (s ← log2(2^s + 2^x)), and the order by s is the order by the decayed score at any
// moment, so the top of a window is an index walk. The score now is 2^(s − now / half-life).

export const TIMEFRAMES = ["day", "week", "month"] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];
export const DEFAULT_TIMEFRAME: Timeframe = "week";

export const TRENDING_WINDOWS: Record<Timeframe, { hours: number; halfLifeHours: number; column: "day_score" | "week_score" | "month_score" }> = {
  day: { hours: 24, halfLifeHours: 6, column: "day_score" },
  week: { hours: 24 * 7, halfLifeHours: 42, column: "week_score" },
  month: { hours: 24 * 30, halfLifeHours: 180, column: "month_score" },
};

/** Seconds watched that weigh as much as one stream start. */
export const WATCH_SECONDS_PER_POINT = 600;

/** SQL text: the score of an event of weight `weight` (an SQL expression > 0) happening now, for one window. */
export const eventScoreText = (weight: string, timeframe: Timeframe) =>
  `(ln(${weight}) / ln(2::float8) + extract(epoch from now())::float8 / 3600 / ${TRENDING_WINDOWS[timeframe].halfLifeHours})`;

/**
 * SQL text: log2(2^a + 2^b), the two scores added. Past a difference of 60 the smaller adds nothing a float8 keeps
 * (and 2^-1100 would be an underflow error).
 */
export const addScoresText = (a: string, b: string) =>
  `(greatest(${a}, ${b}) + ln(1 + power(2::float8, -least(abs(${a} - ${b}), 60))) / ln(2::float8))`;

/** SQL text: the `insert … on conflict` tail that adds an event row `excluded` to the title's row `tt`. */
export const ADD_EVENT_TEXT = `on conflict (title_id) do update set
  starts = tt.starts + excluded.starts,
  watch_seconds = tt.watch_seconds + excluded.watch_seconds,
  ${TIMEFRAMES.map((tf) => `${TRENDING_WINDOWS[tf].column} = ${addScoresText(`tt.${TRENDING_WINDOWS[tf].column}`, `excluded.${TRENDING_WINDOWS[tf].column}`)}`).join(",\n  ")},
  last_viewed_at = greatest(tt.last_viewed_at, excluded.last_viewed_at)`;

/** SQL text: `insert … select` columns for an event of `starts` starts and `seconds` watched (SQL expressions), now. */
export function eventValuesText(starts: string, seconds: string) {
  const weight = `(${starts} + ${seconds} / ${WATCH_SECONDS_PER_POINT}.0)::float8`;
  return `${starts}, ${seconds}, ${TIMEFRAMES.map((tf) => eventScoreText(weight, tf)).join(", ")}, now()`;
}

export const EVENT_COLUMNS_TEXT = "title_id, starts, watch_seconds, day_score, week_score, month_score, last_viewed_at";
