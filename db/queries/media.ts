import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "../client";
import { mediaAssets, subtitles, transcodeJobs, type MediaAsset, type Subtitle, type TranscodeJob } from "../schema";

/** An asset with no source yet (its video is still being made or uploaded). */
export async function insertAsset(asset: typeof mediaAssets.$inferInsert): Promise<MediaAsset> {
  const [row] = await db().insert(mediaAssets).values(asset).returning();
  return row;
}

/** An asset (new, or reserved without a source) with its source, and its transcode job, together. */
export async function insertAssetWithJob(asset: typeof mediaAssets.$inferInsert): Promise<{ asset: MediaAsset; job: TranscodeJob }> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(mediaAssets)
      .values(asset)
      .onConflictDoUpdate({
        target: mediaAssets.id,
        set: { sourcePath: asset.sourcePath, updatedAt: sql`now()` },
        setWhere: sql`${mediaAssets.sourcePath} is null`,
      })
      .returning();
    if (!row) throw new Error(`Asset ${asset.id} already has a source.`);
    const [job] = await tx.insert(transcodeJobs).values({ assetId: row.id }).returning();
    return { asset: row, job };
  });
}

export async function findAsset(assetId: string): Promise<MediaAsset | undefined> {
  const [row] = await db().select().from(mediaAssets).where(eq(mediaAssets.id, assetId));
  return row;
}

export type Markers = Partial<Pick<MediaAsset, "introStartSeconds" | "introEndSeconds" | "creditsStartSeconds">>;

export async function updateAssetMarkers(assetId: string, markers: Markers): Promise<boolean> {
  const rows = await db()
    .update(mediaAssets)
    .set({ ...markers, updatedAt: sql`now()` })
    .where(eq(mediaAssets.id, assetId))
    .returning({ id: mediaAssets.id });
  return rows.length > 0;
}

export async function upsertSubtitle(values: typeof subtitles.$inferInsert): Promise<Subtitle> {
  const [row] = await db()
    .insert(subtitles)
    .values(values)
    .onConflictDoUpdate({
      target: [subtitles.assetId, subtitles.language],
      set: { label: values.label, path: values.path },
    })
    .returning();
  return row;
}

export async function listSubtitles(assetId: string): Promise<Subtitle[]> {
  return db().select().from(subtitles).where(eq(subtitles.assetId, assetId)).orderBy(subtitles.language);
}

export async function findSubtitle(assetId: string, language: string): Promise<Subtitle | undefined> {
  const [row] = await db()
    .select()
    .from(subtitles)
    .where(and(eq(subtitles.assetId, assetId), eq(subtitles.language, language)));
  return row;
}
