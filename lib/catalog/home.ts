import "server-only";
import type { Viewer } from "@/lib/access/rules";
import type { Audience } from "@/lib/access/visibility";
import { getContinueWatching, getWatchlist } from "@/lib/profiles/lists";
import { getRecommendations } from "@/lib/profiles/recommendations";
import { audienceKey, cachedCatalog } from "./cache";
import { browseTitles, listGenres, titleFilter } from "./catalog";
import { featuredTitles, visibleCollections } from "./collections";
import { browseTrending } from "./trending";
import type { HomeRowKind } from "./kinds";
import { DEFAULT_TIMEFRAME } from "./trending-scores";

// The home page's rows, in order: what the site's browse page renders (app/(site)/browse) and what
// GET /api/browse/home answers, from this one function so they cannot drift. Every row lists only titles the
// audience may see (each read goes through visibleTo); empty rows are left out.
//
// - hero: the featured titles (admins choose and order them); none featured, or none the profile may see: one of the
//   most popular titles ready to play, a different one each day (what the page showed before there were featured titles).
// - then the profile's own rows (continue watching, my list, recommendations; none without a profile), the catalog rows
//   (trending, new, rent or buy, the genres with the most titles) and the published collections, each placed after as
//   many of the other rows as its `position` says.
// - A kids profile's home: fewer rows of bigger artwork, its favourite and new titles, the genres kids look for first,
//   no rent-or-buy row (kids cannot buy).
//
// What is the same for every profile of an audience class (all but the profile's own rows) is read as one cached value
// per class; the profile's rows are read every time, never cached per user.

export const ROW_LENGTH = 20;


export type TitleItem = Awaited<ReturnType<typeof browseTitles>>["items"][number];
type ContinueItem = Awaited<ReturnType<typeof getContinueWatching>>["items"][number];
type WatchlistItem = Awaited<ReturnType<typeof getWatchlist>>["items"][number];
type Recommendation = Awaited<ReturnType<typeof getRecommendations>>["items"][number];

export type HomeRow =
  | { id: string; title: string; kind: "continue_watching"; items: ContinueItem[] }
  | { id: string; title: string; kind: "my_list"; items: WatchlistItem[] }
  | { id: string; title: string; kind: "recommendations"; items: Recommendation[] }
  | { id: string; title: string; kind: Exclude<HomeRowKind, "continue_watching" | "my_list" | "recommendations">; items: TitleItem[]; description?: string | null; slug?: string };

const GENRE_ROWS = 6;
// How many of the most popular titles take turns in the fallback hero: a different one each day, the same all day.
const ROTATION = 5;
const KIDS_GENRES = ["animation", "family", "comedy", "adventure"];
const MORE_KIDS_GENRES = 3;
const page = { limit: ROW_LENGTH, offset: 0 };

/** When nothing featured is visible: one of the most popular titles, preferring those ready to play with a backdrop. */
function rotatingHero(popular: TitleItem[]): TitleItem[] {
  const candidates = popular.filter((item) => item.backdrop_url && item.availability === "ready");
  const pool = (candidates.length ? candidates : popular).slice(0, ROTATION);
  if (!pool.length) return [];
  return [pool[Math.floor(Date.now() / 86_400_000) % pool.length]];
}

/** The genres with the most titles the audience may see (most first); for kids, the kids' genres first. */
async function homeGenres(audience: Audience, kids: boolean) {
  const { items } = await listGenres(audience);
  const genres = [...items].sort((a, b) => b.title_count - a.title_count || a.name.localeCompare(b.name));
  if (!kids) return genres.slice(0, GENRE_ROWS);
  const first = KIDS_GENRES.flatMap((slug) => genres.filter((genre) => genre.slug === slug));
  return [...first, ...genres.filter((genre) => !KIDS_GENRES.includes(genre.slug)).slice(0, MORE_KIDS_GENRES)];
}

/** The rows every profile of an audience class shares (cached per class, with the reads ranked by viewing). */
function sharedRows(audience: Audience, kids: boolean) {
  return cachedCatalog(
    JSON.stringify(["home", audienceKey(audience), kids]),
    async () => {
      const filter = titleFilter(undefined, {}, audience);
      const [featured, popular, trending, fresh, forSale, genres, collections] = await Promise.all([
        featuredTitles(audience),
        browseTitles(filter, "popular", page),
        kids ? undefined : browseTrending(filter, DEFAULT_TIMEFRAME, page),
        browseTitles(filter, "new", page),
        kids ? undefined : browseTitles({ ...filter, forSale: true }, "new", page),
        homeGenres(audience, kids),
        visibleCollections(audience),
      ]);
      const genreRows = await Promise.all(
        genres.map(async (genre) => ({
          id: `genre:${genre.slug}`,
          title: genre.name,
          kind: "genre" as const,
          items: (await browseTitles(titleFilter(undefined, { genre: genre.slug }, audience), "popular", page)).items,
        })),
      );
      return {
        hero: featured.length ? featured : rotatingHero(popular.items),
        popular: popular.items,
        trending: trending?.items ?? [],
        new: fresh.items,
        forSale: forSale?.items ?? [],
        genres: genreRows,
        collections: collections.map((c) => ({
          position: c.position,
          row: { id: `collection:${c.slug}`, title: c.title, kind: "collection", slug: c.slug, description: c.description, items: c.items.slice(0, ROW_LENGTH) } satisfies HomeRow,
        })),
      };
    },
    { byViewing: true },
  );
}

/**
 * "Because you watched …" rows (one per title that led to at least two picks, at most two rows), then the remaining
 * picks as "Top Picks for <profile>". Nothing for a profile whose picks are all popular fillers (Trending says that).
 */
function recommendationRows(viewer: Viewer, items: Recommendation[]): HomeRow[] {
  if (items.every((item) => item.reason === "popular")) return [];
  const groups = new Map<string, { liked: boolean; items: Recommendation[] }>();
  for (const item of items) {
    if (item.reason === "popular") continue;
    const liked = "because_you_liked" in item.reason;
    const reason = "because_you_liked" in item.reason ? item.reason.because_you_liked : item.reason.because_you_watched;
    if (!reason) continue;
    const group = groups.get(reason) ?? { liked, items: [] };
    group.items.push(item);
    groups.set(reason, group);
  }
  const shown = [...groups].filter(([, group]) => group.items.length >= 2).slice(0, 2);
  const used = new Set(shown.flatMap(([, group]) => group.items.map((item) => item.id)));
  const rest = items.filter((item) => !used.has(item.id)).slice(0, ROW_LENGTH);
  return [
    ...shown.map(([reason, group]): HomeRow => ({
      id: `because:${reason}`,
      title: `Because you ${group.liked ? "liked" : "watched"} ${reason}`,
      kind: "recommendations",
      items: group.items,
    })),
    ...(rest.length ? [{ id: "top-picks", title: `Top Picks for ${viewer.profile.name}`, kind: "recommendations" as const, items: rest }] : []),
  ];
}

/** Places each collection after `position` of the other rows (in order of position, then title); past the end: last. */
function placeCollections(rows: HomeRow[], collections: Array<{ position: number; row: HomeRow }>): HomeRow[] {
  const placed: HomeRow[] = [];
  let next = 0;
  rows.forEach((row, index) => {
    for (; next < collections.length && collections[next].position <= index; next++) placed.push(collections[next].row);
    placed.push(row);
  });
  return [...placed, ...collections.slice(next).map((c) => c.row)];
}

/**
 * The home rows for `viewer` (the profile acting: its own rows, its rating and blocked genres, its kids layout), or,
 * without one, for `audience` (an anonymous API read: the rows any visitor would share).
 */
export async function homeRows(viewer: Viewer | undefined, audience: Audience): Promise<{ rows: HomeRow[] }> {
  const kids = viewer?.profile.kids ?? false;
  const [shared, continuing, myList, recommendations] = await Promise.all([
    sharedRows(audience, kids),
    viewer ? getContinueWatching(viewer, ROW_LENGTH) : undefined,
    viewer && !kids ? getWatchlist(viewer, page) : undefined,
    viewer && !kids ? getRecommendations(viewer, 40) : undefined,
  ]);
  const rows: HomeRow[] = [];
  if (continuing) rows.push({ id: "continue-watching", title: "Continue Watching", kind: "continue_watching", items: continuing.items });
  if (kids) {
    rows.push(
      { id: "favourites", title: `Favourites for ${viewer!.profile.name}`, kind: "popular", items: shared.popular },
      { id: "new", title: "New for kids", kind: "new", items: shared.new },
    );
  } else {
    if (myList) rows.push({ id: "my-list", title: "My List", kind: "my_list", items: myList.items });
    rows.push(
      { id: "trending", title: "Trending Now", kind: "trending", items: shared.trending },
      { id: "new", title: "New on NormFlix", kind: "new", items: shared.new },
      { id: "for-sale", title: "Rent or buy", kind: "for_sale", items: shared.forSale },
    );
    if (viewer && recommendations) rows.push(...recommendationRows(viewer, recommendations.items));
  }
  rows.push(...shared.genres);
  const listed = placeCollections(
    rows.filter((row) => row.items.length > 0),
    shared.collections,
  );
  const hero: HomeRow[] = shared.hero.length ? [{ id: "hero", title: "Featured", kind: "hero", items: shared.hero }] : [];
  return { rows: [...hero, ...listed] };
}
