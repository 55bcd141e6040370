import "server-only";
import { inArray, sql } from "drizzle-orm";
import { db } from "../client";
import { episodes, titles } from "../schema";

/** What each asset plays as ("Title" or "Show S1E2 · Episode"), for the jobs list; assets used nowhere are absent. */
export async function labelsForAssets(assetIds: string[]): Promise<Map<string, string>> {
  if (assetIds.length === 0) return new Map();
  const movieRows = await db()
    .select({ assetId: titles.mediaAssetId, label: titles.title })
    .from(titles)
    .where(inArray(titles.mediaAssetId, assetIds));
  const episodeRows = await db()
    .select({
      assetId: episodes.mediaAssetId,
      label: sql<string>`(select ${titles.title} from ${titles} where ${titles.id} = ${episodes.showId}) || ' S' || ${episodes.seasonNumber} || 'E' || ${episodes.number} || ' · ' || ${episodes.title}`,
    })
    .from(episodes)
    .where(inArray(episodes.mediaAssetId, assetIds));
  return new Map([...movieRows, ...episodeRows].map((row) => [row.assetId!, row.label]));
}
