import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Transaction } from "../client";
import { credits, episodes, genres, mediaAssets, people, seasons, titleGenres, titles, type Episode, type Season, type Title } from "../schema";

// Catalog writes for administrators. Unlike db/queries/catalog.ts, reads here include unpublished titles.

/** An empty PATCH sets nothing: drizzle refuses an empty SET, so such an update reads the row instead. */
const setsNothing = (values: object) => Object.values(values).every((value) => value === undefined);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export type TitleValues = Partial<Omit<typeof titles.$inferInsert, "id" | "createdAt" | "updatedAt" | "searchVector">>;

/** A title as admin lists show it (drafts included). */
export const titleSummaryColumns = {
  id: titles.id,
  kind: titles.kind,
  title: titles.title,
  year: titles.year,
  published: titles.published,
  posterPath: titles.posterPath,
};

export async function listTitlesForAdmin(filter: { q?: string; kind?: Title["kind"]; limit: number; offset: number }) {
  const where = and(
    filter.kind ? eq(titles.kind, filter.kind) : undefined,
    filter.q ? sql`${titles.title} ilike ${`%${escapeLike(filter.q)}%`}` : undefined,
  );
  const rows = await db()
    .select({
      ...titleSummaryColumns,
      assetStatus: mediaAssets.status,
      updatedAt: titles.updatedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(titles)
    .leftJoin(mediaAssets, eq(mediaAssets.id, titles.mediaAssetId))
    .where(where)
    .orderBy(desc(titles.updatedAt), asc(titles.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = rows.length ? [{ n: rows[0].total }] : await db().select({ n: sql<number>`count(*)::int` }).from(titles).where(where);
  return { rows, total: count.n };
}

export async function findTitleKind(id: string): Promise<Title["kind"] | undefined> {
  const [row] = await db().select({ kind: titles.kind }).from(titles).where(eq(titles.id, id));
  return row?.kind;
}

export async function findTitleForAdmin(id: string) {
  const [title] = await db().select().from(titles).where(eq(titles.id, id));
  if (!title) return undefined;
  const [genreRows, creditRows, seasonRows, episodeRows] = await Promise.all([
    db().select({ slug: genres.slug, name: genres.name }).from(titleGenres).innerJoin(genres, eq(genres.id, titleGenres.genreId)).where(eq(titleGenres.titleId, id)).orderBy(asc(genres.name)),
    db()
      .select({ personId: credits.personId, name: people.name, role: credits.role, character: credits.character, position: credits.position })
      .from(credits)
      .innerJoin(people, eq(people.id, credits.personId))
      .where(eq(credits.titleId, id))
      .orderBy(asc(credits.role), asc(credits.position)),
    db().select().from(seasons).where(eq(seasons.showId, id)).orderBy(asc(seasons.number)),
    db()
      .select({ episode: episodes, assetStatus: mediaAssets.status })
      .from(episodes)
      .leftJoin(mediaAssets, eq(mediaAssets.id, episodes.mediaAssetId))
      .where(eq(episodes.showId, id))
      .orderBy(asc(episodes.seasonNumber), asc(episodes.number)),
  ]);
  return { title, genres: genreRows, credits: creditRows, seasons: seasonRows, episodes: episodeRows };
}

class UnknownGenre extends Error {}

/** Inserts or updates a title and, when given, replaces its genres (by slug) in the same transaction. */
export async function saveTitle(id: string | undefined, values: TitleValues, genreSlugs?: string[]): Promise<Title | "unknown_genre" | undefined> {
  return db().transaction(async (tx) => {
    const [row] = id
      ? await tx.update(titles).set({ ...values, updatedAt: sql`now()` }).where(eq(titles.id, id)).returning()
      : await tx.insert(titles).values(values as typeof titles.$inferInsert).returning();
    if (!row) return undefined;
    if (genreSlugs) {
      const found = genreSlugs.length ? await tx.select({ id: genres.id }).from(genres).where(inArray(genres.slug, genreSlugs)) : [];
      if (found.length !== new Set(genreSlugs).size) throw new UnknownGenre();
      await tx.delete(titleGenres).where(eq(titleGenres.titleId, row.id));
      if (found.length) await tx.insert(titleGenres).values(found.map((g) => ({ titleId: row.id, genreId: g.id })));
    }
    return row;
  }).catch((error: unknown) => {
    if (error instanceof UnknownGenre) return "unknown_genre" as const;
    throw error;
  });
}

export async function replaceCredits(titleId: string, list: Array<{ personId: string; role: "cast" | "director" | "creator"; character?: string | null }>) {
  await db().transaction(async (tx) => {
    await tx.delete(credits).where(eq(credits.titleId, titleId));
    if (list.length) await tx.insert(credits).values(list.map((c, position) => ({ titleId, ...c, position })));
  });
}

/** Deletes a title (its seasons, episodes, credits and viewers' progress go with it); returns the assets it used. */
export async function deleteTitle(id: string): Promise<string[] | undefined> {
  return db().transaction(async (tx) => {
    const episodeAssets = await tx.select({ id: episodes.mediaAssetId }).from(episodes).where(eq(episodes.showId, id));
    const [row] = await tx.delete(titles).where(eq(titles.id, id)).returning({ assetId: titles.mediaAssetId });
    if (!row) return undefined;
    return [row.assetId, ...episodeAssets.map((e) => e.id)].filter((a): a is string => a !== null);
  });
}

export async function saveSeason(id: string | undefined, values: Partial<typeof seasons.$inferInsert>): Promise<Season | undefined> {
  return db().transaction(async (tx) => {
    const [row] = id
      ? setsNothing(values)
        ? await tx.select().from(seasons).where(eq(seasons.id, id))
        : await tx.update(seasons).set(values).where(eq(seasons.id, id)).returning()
      : await tx.insert(seasons).values(values as typeof seasons.$inferInsert).returning();
    // Episodes carry their season's number for ordering and lookups: keep it in step.
    if (row && id && values.number !== undefined) {
      await tx.update(episodes).set({ seasonNumber: row.number }).where(eq(episodes.seasonId, row.id));
    }
    return row;
  });
}

export async function findSeason(id: string): Promise<Season | undefined> {
  const [row] = await db().select().from(seasons).where(eq(seasons.id, id));
  return row;
}

export async function deleteSeason(id: string): Promise<string[] | undefined> {
  return db().transaction(async (tx) => {
    const assets = await tx.select({ id: episodes.mediaAssetId }).from(episodes).where(eq(episodes.seasonId, id));
    const [row] = await tx.delete(seasons).where(eq(seasons.id, id)).returning({ id: seasons.id });
    return row ? assets.map((a) => a.id).filter((a): a is string => a !== null) : undefined;
  });
}

export async function saveEpisode(id: string, values: Partial<typeof episodes.$inferInsert>): Promise<Episode | undefined> {
  const [row] = setsNothing(values)
    ? await db().select().from(episodes).where(eq(episodes.id, id))
    : await db().update(episodes).set(values).where(eq(episodes.id, id)).returning();
  return row;
}

/** Adds an episode and runs `afterInsert` (with its show) in the same transaction. */
export async function insertEpisode(
  values: typeof episodes.$inferInsert,
  afterInsert: (tx: Transaction, show: Title, episode: Episode) => Promise<unknown>,
): Promise<Episode> {
  return db().transaction(async (tx) => {
    const [row] = await tx.insert(episodes).values(values).returning();
    const [show] = await tx.select().from(titles).where(eq(titles.id, row.showId));
    await afterInsert(tx, show, row);
    return row;
  });
}

/**
 * Publishes or withdraws a title; `onPublished` runs in the same transaction when it goes from draft to published
 * (the row is locked, so two admins publishing at once run it once). False when there is no such title.
 */
export async function setTitlePublished(id: string, published: boolean, onPublished: (tx: Transaction, title: Title) => Promise<unknown>): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [before] = await tx.select({ published: titles.published }).from(titles).where(eq(titles.id, id)).for("update");
    if (!before) return false;
    const [row] = await tx.update(titles).set({ published, updatedAt: sql`now()` }).where(eq(titles.id, id)).returning();
    if (published && !before.published) await onPublished(tx, row);
    return true;
  });
}

export async function findEpisodeById(id: string): Promise<Episode | undefined> {
  const [row] = await db().select().from(episodes).where(eq(episodes.id, id));
  return row;
}

export async function deleteEpisode(id: string): Promise<string[] | undefined> {
  const [row] = await db().delete(episodes).where(eq(episodes.id, id)).returning({ assetId: episodes.mediaAssetId });
  return row ? [row.assetId].filter((a): a is string => a !== null) : undefined;
}

/** Assets no title or episode uses any more (of `assetIds`), deleted; returns their directories and sources. */
export async function deleteUnusedAssets(assetIds: string[]) {
  if (!assetIds.length) return [];
  return db()
    .delete(mediaAssets)
    .where(
      and(
        inArray(mediaAssets.id, assetIds),
        sql`not exists (select 1 from ${titles} where ${titles.mediaAssetId} = ${mediaAssets.id})`,
        sql`not exists (select 1 from ${episodes} where ${episodes.mediaAssetId} = ${mediaAssets.id})`,
      ),
    )
    .returning({ directory: mediaAssets.directory, sourcePath: mediaAssets.sourcePath });
}

export async function listPeople(filter: { q?: string; limit: number; offset: number }) {
  const where = filter.q ? sql`${people.name} ilike ${`%${escapeLike(filter.q)}%`}` : undefined;
  const rows = await db()
    .select({ id: people.id, name: people.name, bio: people.bio, credits: sql<number>`(select count(*)::int from ${credits} where ${credits.personId} = ${people.id})` })
    .from(people)
    .where(where)
    .orderBy(asc(people.name), asc(people.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await db().select({ n: sql<number>`count(*)::int` }).from(people).where(where);
  return { rows, total: count.n };
}

export async function savePerson(id: string | undefined, values: { name?: string; bio?: string | null }) {
  const [row] = id
    ? setsNothing(values)
        ? await db().select().from(people).where(eq(people.id, id))
        : await db().update(people).set(values).where(eq(people.id, id)).returning()
    : await db().insert(people).values(values as typeof people.$inferInsert).returning();
  return row;
}

export async function deletePerson(id: string): Promise<boolean> {
  return (await db().delete(people).where(eq(people.id, id)).returning({ id: people.id })).length > 0;
}

export async function listGenresForAdmin() {
  return db()
    .select({ id: genres.id, slug: genres.slug, name: genres.name, titles: sql<number>`(select count(*)::int from ${titleGenres} where ${titleGenres.genreId} = ${genres.id})` })
    .from(genres)
    .orderBy(asc(genres.name));
}

export async function saveGenre(id: string | undefined, values: { slug?: string; name?: string }) {
  const [row] = id
    ? setsNothing(values)
        ? await db().select().from(genres).where(eq(genres.id, id))
        : await db().update(genres).set(values).where(eq(genres.id, id)).returning()
    : await db().insert(genres).values(values as typeof genres.$inferInsert).returning();
  return row;
}

export async function deleteGenre(id: string): Promise<boolean> {
  return (await db().delete(genres).where(eq(genres.id, id)).returning({ id: genres.id })).length > 0;
}
