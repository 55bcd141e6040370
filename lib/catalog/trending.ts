import "server-only";
import type { TitleFilter } from "@/db/queries/catalog";
import { listTrending } from "@/db/queries/trending";
import { cachedCatalog } from "./cache";
import { listKey, titleItem, type Page } from "./catalog";
import type { Timeframe } from "./trending-scores";

/**
 * What is being watched: the titles viewed within the timeframe (last 24 hours, 7 days or 30 days) that the filter's
 * audience may see, by stream starts and watch time, recent viewing weighing most (lib/catalog/trending-scores.ts).
 * The API's /browse/trending and the site's Trending Now row.
 */
export function browseTrending(filter: TitleFilter, timeframe: Timeframe, page: Page) {
  // Scores move with viewing, which is not announced: a cached page is at most CATALOG_CACHE_TTL_MS behind it.
  return cachedCatalog(listKey("trending", filter, timeframe, page.limit, page.offset), () => browseTrendingUncached(filter, timeframe, page), { byViewing: true });
}

/** The same, always from the database (bench/trending measures the queries). */
export async function browseTrendingUncached(filter: TitleFilter, timeframe: Timeframe, page: Page) {
  const { rows, total } = await listTrending(filter, timeframe, page.limit, page.offset);
  return { items: rows.map(titleItem), total, limit: page.limit, offset: page.offset, timeframe };
}
