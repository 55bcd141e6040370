import "server-only";
import { and, arrayContains, asc, eq, gt, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { visibleTo, type Audience } from "@/lib/access/visibility";
import { db, listen } from "../client";
import { credits, episodes, genres, mediaAssets, people, ratings, seasons, subtitles, titleGenres, titles } from "../schema";

export type TitleSort = "popular" | "new" | "title" | "year" | "rating";

export type TitleFilter = {
  /** Whom the list is for: only titles visible to them. */
  audience: Audience;
  kind?: "movie" | "show";
  q?: string;
  genre?: string;
  year?: number;
  maturityRating?: string;
  /** Only titles sold one by one (rent_or_buy, premium_early_access). */
  forSale?: boolean;
  /** Only titles that can be heard in this language (a canonical BCP 47 tag). */
  language?: string;
};

export type Availability = "ready" | "processing" | "unavailable";

// Subqueries refer to the outer row by qualified name: drizzle leaves single-table columns unqualified.
const TITLES = `"titles"`;
const outerTitleId = sql.raw(`${TITLES}."id"`);

const genreList = sql<Array<{ slug: string; name: string }>>`coalesce((
  select json_agg(json_build_object('slug', ${genres.slug}, 'name', ${genres.name}) order by ${genres.name})
  from ${titleGenres} join ${genres} on ${genres.id} = ${titleGenres.genreId}
  where ${titleGenres.titleId} = ${outerTitleId}), '[]'::json)`;

const seasonCount = sql<number>`(select count(*)::int from ${seasons} where ${seasons.showId} = ${outerTitleId})`;

// A movie is as available as its asset; a show is ready once any episode is.
const availability = sql<Availability>`case
  when "titles"."kind" = 'movie' then (
    select case ${mediaAssets.status} when 'ready' then 'ready' when 'failed' then 'unavailable' else 'processing' end
    from ${mediaAssets} where ${mediaAssets.id} = "titles"."media_asset_id")
  else (
    select case when bool_or(a.status = 'ready') then 'ready' when bool_or(a.status in ('pending', 'processing')) then 'processing' end
    from ${episodes} e join ${mediaAssets} a on a.id = e.media_asset_id where e.show_id = ${outerTitleId})
  end`;

export const titleColumns = {
  id: titles.id,
  kind: titles.kind,
  title: titles.title,
  synopsis: titles.synopsis,
  year: titles.year,
  maturityRating: titles.maturityRating,
  maturityLevel: titles.maturityLevel,
  runtimeSeconds: titles.runtimeSeconds,
  posterPath: titles.posterPath,
  backdropPath: titles.backdropPath,
  createdAt: titles.createdAt,
  mediaAssetId: titles.mediaAssetId,
  access: titles.access,
  originalLanguage: titles.originalLanguage,
  audioLanguages: titles.audioLanguages,
  genres: genreList,
  seasonCount,
  availability,
};

export type TitleRow = Omit<Awaited<ReturnType<typeof selectTitles>>[number], "total">;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function filterConditions(filter: TitleFilter): SQL | undefined {
  return and(
    visibleTo(filter.audience, TITLES),
    filter.kind ? eq(titles.kind, filter.kind) : undefined,
    filter.q ? sql`(${ilike(titles.title, `%${escapeLike(filter.q)}%`)} or ${filter.q} <% ${titles.title})` : undefined,
    filter.genre
      ? sql`exists (select 1 from ${titleGenres} join ${genres} on ${genres.id} = ${titleGenres.genreId}
          where ${titleGenres.titleId} = ${outerTitleId} and ${genres.slug} = ${filter.genre})`
      : undefined,
    filter.year !== undefined ? eq(titles.year, filter.year) : undefined,
    filter.maturityRating ? eq(titles.maturityRating, filter.maturityRating) : undefined,
    filter.forSale ? inArray(titles.access, ["rent_or_buy", "premium_early_access"]) : undefined,
    filter.language ? arrayContains(titles.audioLanguages, [filter.language]) : undefined,
  );
}

// Thumbs from every profile, smoothed towards neutral ((ups + 1) / (votes + 2)): unrated titles sit at 0.5, between
// the liked and the disliked, and ten ups outrank one.
const approval = sql`(select (count(*) filter (where r.rating = 'up') + 1)::float8 / (count(*) + 2)
  from ${ratings} r where r.title_id = ${outerTitleId})`;

// Popular: most watched over the last month (the trending month score, lib/catalog/trending-scores.ts), then the
// titles nobody watched yet, A–Z.
const monthScore = sql`(select tt.month_score from title_trending tt where tt.title_id = ${outerTitleId})`;

const orderings: Record<TitleSort, SQL[]> = {
  popular: [sql`${monthScore} desc nulls last`, sql`${titles.title} asc`],
  new: [sql`${titles.createdAt} desc`, sql`${titles.year} desc`, sql`${titles.title} asc`],
  title: [sql`lower(${titles.title}) asc`, sql`${titles.year} desc`],
  year: [sql`${titles.year} desc`, sql`${titles.title} asc`],
  rating: [sql`${approval} desc`, sql`${monthScore} desc nulls last`, sql`${titles.title} asc`],
};

function selectTitles(where: SQL | undefined, sort: TitleSort, limit: number, offset: number) {
  return db()
    .select({ ...titleColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(titles)
    .where(where)
    .orderBy(...orderings[sort], asc(titles.id))
    .limit(limit)
    .offset(offset);
}

/** One page of the titles visible to the filter's audience matching `filter`, with the number of matches in all. */
export async function listTitles(filter: TitleFilter, sort: TitleSort, limit: number, offset: number) {
  const rows = await selectTitles(filterConditions(filter), sort, limit, offset);
  // Past the last page the window count is lost with the rows: count separately then.
  const total = rows[0]?.total ?? (offset > 0 ? await countTitles(filter) : 0);
  return { rows, total };
}

async function countTitles(filter: TitleFilter): Promise<number> {
  const [row] = await db().select({ count: sql<number>`count(*)::int` }).from(titles).where(filterConditions(filter));
  return row.count;
}

/** The title, if it exists with this kind and `audience` may see it (without one: if it is published). */
export async function findTitle(id: string, kind: "movie" | "show" | undefined, audience?: Audience) {
  const [row] = await db()
    .select(titleColumns)
    .from(titles)
    .where(and(eq(titles.id, id), filterConditions({ kind, audience })));
  return row;
}

export async function listCredits(titleId: string) {
  return db()
    .select({ personId: people.id, name: people.name, role: credits.role, character: credits.character })
    .from(credits)
    .innerJoin(people, eq(people.id, credits.personId))
    .where(eq(credits.titleId, titleId))
    .orderBy(asc(credits.role), asc(credits.position));
}

export async function findAsset(assetId: string) {
  const [asset] = await db().select().from(mediaAssets).where(eq(mediaAssets.id, assetId));
  if (!asset) return undefined;
  const tracks = await db()
    .select({ language: subtitles.language, label: subtitles.label })
    .from(subtitles)
    .where(eq(subtitles.assetId, assetId))
    .orderBy(asc(subtitles.label));
  return { ...asset, subtitles: tracks };
}

export async function listSeasons(showId: string) {
  return db().select().from(seasons).where(eq(seasons.showId, showId)).orderBy(asc(seasons.number));
}

export async function listEpisodes(showId: string) {
  return db()
    .select()
    .from(episodes)
    .where(eq(episodes.showId, showId))
    .orderBy(asc(episodes.seasonNumber), asc(episodes.number));
}

export async function findEpisode(showId: string, season: number, episode: number) {
  const [row] = await db()
    .select()
    .from(episodes)
    .where(and(eq(episodes.showId, showId), eq(episodes.seasonNumber, season), eq(episodes.number, episode)));
  return row;
}

/** The episode after (season, episode) in airing order, across seasons. */
export async function findNextEpisode(showId: string, season: number, episode: number) {
  const [row] = await db()
    .select({ season: episodes.seasonNumber, episode: episodes.number })
    .from(episodes)
    .where(
      and(
        eq(episodes.showId, showId),
        sql`(${episodes.seasonNumber}, ${episodes.number}) > (${season}, ${episode})`,
      ),
    )
    .orderBy(asc(episodes.seasonNumber), asc(episodes.number))
    .limit(1);
  return row;
}

export async function listGenresWithCounts(audience: Audience) {
  return db()
    .select({
      slug: genres.slug,
      name: genres.name,
      titleCount: sql<number>`count(${titles.id})::int`,
    })
    .from(genres)
    .leftJoin(titleGenres, eq(titleGenres.genreId, genres.id))
    .leftJoin(titles, and(eq(titles.id, titleGenres.titleId), visibleTo(audience, TITLES)))
    .groupBy(genres.id)
    .having(gt(sql`count(${titles.id})`, 0))
    .orderBy(asc(genres.name));
}

export async function countTitlesAll(): Promise<number> {
  const [row] = await db().select({ count: sql<number>`count(*)::int` }).from(titles);
  return row.count;
}


const CATALOG_CHANGES = "normflix_catalog_changes";

/**
 * Calls `onChange` whenever any instance changes a catalog table (titles, genres, people, credits, seasons, episodes,
 * media assets, subtitles, offers, channels, collections, featured titles), announced by the triggers of migrations
 * 0031, 0034 and 0036; `onGap` after the listening connection was lost and re-established (changes made meanwhile
 * were not announced).
 */
export function listenForCatalogChanges(onChange: () => void, onGap: () => void) {
  return listen(CATALOG_CHANGES, onChange, onGap);
}
