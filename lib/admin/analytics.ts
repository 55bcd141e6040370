import "server-only";
import { completion, foldViewing, planMix, salesPerDay, topEarningTitles, topTitles, viewingPerDay } from "@/db/queries/admin-analytics";
import type { Principal } from "@/lib/accounts/sessions";
import { requireAdmin } from "./guard";

// Viewing and sales analytics. Viewing is recorded as viewers watch: views from stream starts, watch time and completions from progress
// (each fold credits the day on which the position moved); sales are the rentals and purchases not refunded.
// Folds run every FOLD_INTERVAL_MS in every app process (one at a time, under a database lock) and before a report.

const FOLD_INTERVAL_MS = 5 * 60_000;

export async function viewingReport(principal: Principal | undefined, days: number) {
  requireAdmin(principal);
  await foldViewing();
  const [perDay, top, done, plans, sold, earners] = await Promise.all([
    viewingPerDay(days),
    topTitles(days, 10),
    completion(days),
    planMix(),
    salesPerDay(days),
    topEarningTitles(days, 10),
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
