import "server-only";
import type { TitleFilter } from "@/db/queries/catalog";
import { listTrending } from "@/db/queries/trending";
import { titleItem, type Page } from "./catalog";
import type { Timeframe } from "./trending-scores";

/**
 * What is being watched: the titles viewed within the timeframe (last 24 hours, 7 days or 30 days) that the filter's
 * audience may see, by stream starts and watch time, recent viewing weighing most (lib/catalog/trending-scores.ts).
 * The API's /browse/trending and the site's Trending Now row.
 */
export async function browseTrending(filter: TitleFilter, timeframe: Timeframe, page: Page) {
  const { rows, total } = await listTrending(filter, timeframe, page.limit, page.offset);
  return { items: rows.map(titleItem), total, limit: page.limit, offset: page.offset, timeframe };
}
