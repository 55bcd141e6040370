import "server-only";
import {
  cancellationReasons,
  completion,
  foldViewing,
  planMix,
  salesPerDay,
  titleAudience,
  titleReception,
  titleStreamsBy,
  titleViewingPerDay,
  topEarningTitles,
  topTitles,
  viewingPerDay,
} from "@/db/queries/admin-analytics";
import { findTitleKind } from "@/db/queries/admin-catalog";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { requireAdmin } from "./guard";

// Viewing and sales analytics. Viewing is recorded as viewers watch: views from stream starts, watch time and completions from progress
// (each fold credits the day on which the position moved); sales are the rentals and purchases not refunded.
// Folds run every FOLD_INTERVAL_MS in every app process (one at a time, under a database lock) and before a report.

const FOLD_INTERVAL_MS = 5 * 60_000;

export async function viewingReport(principal: Principal | undefined, days: number) {
  requireAdmin(principal);
  await foldViewing();
  const [perDay, top, done, plans, sold, earners, churn] = await Promise.all([
    viewingPerDay(days),
    topTitles(days, 10),
    completion(days),
    planMix(),
    salesPerDay(days),
    topEarningTitles(days, 10),
    cancellationReasons(days, 10),
  ]);
  return {
    days,
    per_day: perDay,
    totals: {
      views: perDay.reduce((sum, d) => sum + d.views, 0),
      watch_hours: Math.round(perDay.reduce((sum, d) => sum + d.hours, 0) * 100) / 100,
      completion_rate: done.started ? Math.round((done.completed / done.started) * 1000) / 1000 : null,
    },
    top_titles: top,
    plan_mix: plans,
    sales: {
      // Offers are priced in one currency (USD: the admin API accepts no other), so amounts add up.
      currency: "usd",
      per_day: sold,
      totals: {
        rentals: sold.reduce((sum, d) => sum + d.rentals, 0),
        purchases: sold.reduce((sum, d) => sum + d.purchases, 0),
        revenue_cents: sold.reduce((sum, d) => sum + d.rental_cents + d.purchase_cents, 0),
      },
      top_titles: earners,
    },
    // Why members leave: the reasons chosen when cancelling (POST /api/accounts/subscription/cancel, the account page).
    churn: {
      cancellations: churn.byReason.reduce((sum, row) => sum + row.cancellations, 0),
      by_reason: churn.byReason,
      latest_feedback: churn.feedback.map((row) => ({ ...row, created_at: row.created_at instanceof Date ? row.created_at.toISOString() : new Date(row.created_at).toISOString() })),
    },
  };
}

/** What kind of device a stream was started from, from its user agent. */
export function deviceClass(userAgent: string | null): "tv" | "mobile" | "tablet" | "desktop" | "other" {
  if (!userAgent) return "other";
  if (/SMART-TV|SmartTV|Tizen|Web0S|webOS|AppleTV|CrKey|Roku|BRAVIA|AFT[A-Z]/i.test(userAgent)) return "tv";
  if (/iPad|Tablet/i.test(userAgent) || (/Android/i.test(userAgent) && !/Mobile/i.test(userAgent))) return "tablet";
  if (/Mobi|iPhone|Android/i.test(userAgent)) return "mobile";
  if (/Mozilla\//.test(userAgent)) return "desktop";
  return "other";
}

const tally = <K extends string>(rows: { key: K; streams: number }[]) => {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(row.key, (counts.get(row.key) ?? 0) + row.streams);
  return [...counts].map(([key, streams]) => ({ key, streams })).sort((a, b) => b.streams - a.streams || a.key.localeCompare(b.key));
};

/** One title's viewing over the last `days` days: views, viewers, watch hours, completion, thumbs, watchlist adds, devices and plans. */
export async function titleReport(principal: Principal | undefined, titleId: string, days: number) {
  requireAdmin(principal);
  if (!(await findTitleKind(titleId))) throw new ApiError("title_not_found", "No title with that id.");
  await foldViewing();
  const [perDay, audience, reception, streams] = await Promise.all([
    titleViewingPerDay(titleId, days),
    titleAudience(titleId, days),
    titleReception(titleId, days),
    titleStreamsBy(titleId, days),
  ]);
  const thumbs = reception.up + reception.down;
  return {
    title_id: titleId,
    days,
    per_day: perDay,
    totals: {
      views: perDay.reduce((sum, d) => sum + d.views, 0),
      unique_viewers: audience.viewers,
      watch_hours: Math.round(perDay.reduce((sum, d) => sum + d.hours, 0) * 100) / 100,
      completion_rate: audience.started ? Math.round((audience.completed / audience.started) * 1000) / 1000 : null,
      thumbs_up: reception.up,
      thumbs_down: reception.down,
      // Thumbs are the quick rating: the share of thumbs up is the title's average.
      average_rating: thumbs ? Math.round((reception.up / thumbs) * 1000) / 1000 : null,
      watchlist_adds: reception.watchlist_adds,
      on_watchlists: reception.on_watchlists,
    },
    by_device: tally(streams.map((row) => ({ key: deviceClass(row.user_agent), streams: row.streams }))).map(({ key, streams }) => ({ device: key, streams })),
    by_plan: tally(streams.map((row) => ({ key: row.plan, streams: row.streams }))).map(({ key, streams }) => ({ plan: key, streams })),
  };
}

/** Keeps viewing_days current so each day gets the viewing done on it; returns a function that stops it. */
export function startViewingFold(log: (line: string) => void = console.error): () => void {
  const timer = setInterval(() => {
    foldViewing().catch((error: Error) => log(`viewing analytics fold failed: ${error.message}`));
  }, FOLD_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
