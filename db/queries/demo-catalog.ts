import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "../client";
import {
  channelItems,
  channels,
  collectionItems,
  collections,
  credits,
  episodes,
  featuredTitles,
  genres,
  mediaAssets,
  people,
  seasons,
  titleGenres,
  titleOffers,
  titles,
} from "../schema";

export type DemoRows = {
  assets: Array<typeof mediaAssets.$inferInsert>;
  genres: Array<typeof genres.$inferInsert>;
  people: Array<typeof people.$inferInsert>;
  titles: Array<typeof titles.$inferInsert>;
  titleGenres: Array<typeof titleGenres.$inferInsert>;
  credits: Array<typeof credits.$inferInsert>;
  seasons: Array<typeof seasons.$inferInsert>;
  episodes: Array<typeof episodes.$inferInsert>;
  offers: Array<typeof titleOffers.$inferInsert>;
  channels: Array<typeof channels.$inferInsert>;
  channelItems: Array<typeof channelItems.$inferInsert>;
  collections: Array<typeof collections.$inferInsert>;
  collectionItems: Array<typeof collectionItems.$inferInsert>;
  featured: Array<typeof featuredTitles.$inferInsert>;
};

export async function hasAnyTitle(): Promise<boolean> {
  const [row] = await db().select({ one: sql<number>`1` }).from(titles).limit(1);
  return row !== undefined;
}

/** Inserts the demo catalog in one transaction; rows that exist already (same ids) are left alone. */
export async function insertDemoRows(rows: DemoRows): Promise<number> {
  return db().transaction(async (tx) => {
    if (rows.assets.length) await tx.insert(mediaAssets).values(rows.assets).onConflictDoNothing();
    await tx.insert(genres).values(rows.genres).onConflictDoNothing();
    await tx.insert(people).values(rows.people).onConflictDoNothing();
    const inserted = await tx.insert(titles).values(rows.titles).onConflictDoNothing().returning({ id: titles.id });
    await tx.insert(titleGenres).values(rows.titleGenres).onConflictDoNothing();
    await tx.insert(credits).values(rows.credits).onConflictDoNothing();
    await tx.insert(seasons).values(rows.seasons).onConflictDoNothing();
    await tx.insert(episodes).values(rows.episodes).onConflictDoNothing();
    if (rows.offers.length) await tx.insert(titleOffers).values(rows.offers).onConflictDoNothing();
    if (rows.channels.length) await tx.insert(channels).values(rows.channels).onConflictDoNothing();
    if (rows.channelItems.length) await tx.insert(channelItems).values(rows.channelItems).onConflictDoNothing();
    if (rows.collections.length) await tx.insert(collections).values(rows.collections).onConflictDoNothing();
    if (rows.collectionItems.length) await tx.insert(collectionItems).values(rows.collectionItems).onConflictDoNothing();
    if (rows.featured.length) await tx.insert(featuredTitles).values(rows.featured).onConflictDoNothing();
    return inserted.length;
  });
}

export type VideoState = { id: string; assetId: string | null; hasSource: boolean };

/** For each of these movies and episodes: its asset, if any, and whether that asset has its source yet. */
export async function listVideoStates(movieIds: string[], episodeIds: string[]): Promise<VideoState[]> {
  const hasSource = sql<boolean>`${mediaAssets.sourcePath} is not null`;
  const [movieRows, episodeRows] = await Promise.all([
    movieIds.length
      ? db()
          .select({ id: titles.id, assetId: titles.mediaAssetId, hasSource })
          .from(titles)
          .leftJoin(mediaAssets, eq(mediaAssets.id, titles.mediaAssetId))
          .where(inArray(titles.id, movieIds))
      : [],
    episodeIds.length
      ? db()
          .select({ id: episodes.id, assetId: episodes.mediaAssetId, hasSource })
          .from(episodes)
          .leftJoin(mediaAssets, eq(mediaAssets.id, episodes.mediaAssetId))
          .where(inArray(episodes.id, episodeIds))
      : [],
  ]);
  return [...movieRows, ...episodeRows];
}

/** Points movies and episodes that have no video yet at `assetId`. */
export async function attachVideo(assetId: string, movieIds: string[], episodeIds: string[]): Promise<void> {
  await db().transaction(async (tx) => {
    if (movieIds.length) {
      await tx.update(titles).set({ mediaAssetId: assetId }).where(and(inArray(titles.id, movieIds), isNull(titles.mediaAssetId)));
    }
    if (episodeIds.length) {
      await tx.update(episodes).set({ mediaAssetId: assetId }).where(and(inArray(episodes.id, episodeIds), isNull(episodes.mediaAssetId)));
    }
  });
}
