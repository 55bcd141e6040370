import "server-only";
import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { union, type AnyPgColumn } from "drizzle-orm/pg-core";
import { visibleTo, type Audience } from "@/lib/access/visibility";
import type { SearchKind } from "@/lib/catalog/kinds";
import { db } from "../client";
import { credits, episodes, genres, people, titleGenres, titles } from "../schema";

export type SearchInput = {
  /** The raw query, as typed. */
  text: string;
  /** Prefix tsquery built from its words ("star:* & wars:*"), or undefined when it has none. */
  prefixQuery: string | undefined;
  /** Genre slugs or names the query's words name, directly or as a mood ("funny" → comedy). */
  genreWords: string[];
  kinds: SearchKind[];
  /** Whom the results are for: only titles (and episodes of shows) visible to them. */
  audience: Audience;
  limit: number;
};

// Two kinds of candidates, each from an index without scanning every match: the names nearest to the query by
// trigram word similarity (a GiST KNN scan, which tolerates typos) and the best full-text matches of the words typed
// so far (a GIN tsvector scan, also covering synopses). Only the candidates are scored and ranked.
const CANDIDATES = 40;
const TITLES = `"titles"`;
const MIN_SIMILARITY = 0.3;

const tsquery = (input: SearchInput) =>
  sql`(to_tsquery('simple', ${input.prefixQuery}) || to_tsquery('english', ${input.prefixQuery}))`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

// Closeness of the name dominates; a name that starts with the query gets a bonus.
const nameScore = (input: SearchInput, name: AnyPgColumn) =>
  sql`word_similarity(${input.text}, ${name})
    + case when lower(${name}) like lower(${escapeLike(input.text)}) || '%' then 0.5 else 0 end`;

/** Full-text rank and relevance test for rows with a search vector. */
function textRelevance(input: SearchInput, vector: SQL, name: SQL) {
  if (!input.prefixQuery) {
    return { rank: sql`0`, relevant: sql`word_similarity(${input.text}, ${name}) >= ${MIN_SIMILARITY}` };
  }
  return {
    rank: sql`ts_rank(${vector}, ${tsquery(input)})`,
    relevant: sql`(${vector} @@ ${tsquery(input)} or word_similarity(${input.text}, ${name}) >= ${MIN_SIMILARITY})`,
  };
}

/** The titles in a genre the query names (ranked below a title the query names: GENRE_SCORE). */
const GENRE_SCORE = 0.6;
const namedGenres = (input: SearchInput) =>
  db()
    .select({ id: genres.id })
    .from(genres)
    .where(or(inArray(genres.slug, input.genreWords), inArray(sql`lower(${genres.name})`, input.genreWords)));
const inNamedGenre = (input: SearchInput) =>
  input.genreWords.length
    ? sql`exists (select 1 from ${titleGenres} where ${titleGenres.titleId} = ${titles.id} and ${titleGenres.genreId} in ${namedGenres(input)})`
    : sql`false`;

function titleCandidates(input: SearchInput, kinds: Array<"movie" | "show">) {
  const visible = and(visibleTo(input.audience, TITLES), inArray(titles.kind, kinds));
  const nearest = db().select({ id: titles.id }).from(titles).where(visible).orderBy(sql`${input.text} <<-> ${titles.title}`).limit(CANDIDATES);
  // The genre's titles people watch most this month first.
  const ofGenre = db()
    .select({ id: titles.id })
    .from(titles)
    .leftJoin(sql`title_trending tt`, sql`tt.title_id = ${titles.id}`)
    .where(and(visible, inNamedGenre(input)))
    .orderBy(sql`tt.month_score desc nulls last`, desc(titles.year))
    .limit(CANDIDATES);
  if (!input.prefixQuery) return input.genreWords.length ? union(nearest, ofGenre) : nearest;
  const matching = db()
    .select({ id: titles.id })
    .from(titles)
    .where(and(visible, sql`${titles.searchVector} @@ ${tsquery(input)}`))
    .orderBy(desc(sql`ts_rank(${titles.searchVector}, ${tsquery(input)})`))
    .limit(CANDIDATES);
  return input.genreWords.length ? union(nearest, matching, ofGenre) : union(nearest, matching);
}

async function searchTitles(input: SearchInput, kinds: Array<"movie" | "show">) {
  const { rank, relevant } = textRelevance(input, sql`${titles.searchVector}`, sql`${titles.title}`);
  const genre = inNamedGenre(input);
  const score = sql<number>`(${nameScore(input, titles.title)} + 0.5 * ${rank} + case when ${genre} then ${GENRE_SCORE}::float8 else 0 end)::float8`;
  return db()
    .select({
      kind: titles.kind,
      id: titles.id,
      title: titles.title,
      year: titles.year,
      maturityRating: titles.maturityRating,
      posterPath: titles.posterPath,
      score,
    })
    .from(titles)
    .where(and(inArray(titles.id, titleCandidates(input, kinds)), or(relevant, genre)))
    .orderBy(desc(score))
    .limit(input.limit);
}

function episodeCandidates(input: SearchInput) {
  const visible = visibleTo(input.audience, TITLES);
  const base = () => db().select({ id: episodes.id }).from(episodes).innerJoin(titles, eq(titles.id, episodes.showId));
  const nearest = base().where(visible).orderBy(sql`${input.text} <<-> ${episodes.title}`).limit(CANDIDATES);
  if (!input.prefixQuery) return nearest;
  const matching = base()
    .where(and(visible, sql`${episodes.searchVector} @@ ${tsquery(input)}`))
    .orderBy(desc(sql`ts_rank(${episodes.searchVector}, ${tsquery(input)})`))
    .limit(CANDIDATES);
  return union(nearest, matching);
}

async function searchEpisodes(input: SearchInput) {
  const { rank, relevant } = textRelevance(input, sql`${episodes.searchVector}`, sql`${episodes.title}`);
  const score = sql<number>`((${nameScore(input, episodes.title)} + 0.5 * ${rank}) * 0.9)::float8`;
  return db()
    .select({
      id: episodes.id,
      title: episodes.title,
      season: episodes.seasonNumber,
      episode: episodes.number,
      stillPath: episodes.stillPath,
      showId: titles.id,
      showTitle: titles.title,
      maturityRating: titles.maturityRating,
      score,
    })
    .from(episodes)
    .innerJoin(titles, eq(titles.id, episodes.showId))
    .where(and(inArray(episodes.id, episodeCandidates(input)), relevant))
    .orderBy(desc(score))
    .limit(input.limit);
}

async function searchPeople(input: SearchInput) {
  const score = sql<number>`(${nameScore(input, people.name)})::float8`;
  const knownFor = sql<string[]>`coalesce((
    select array_agg(t.title order by t.n) from (
      select ${titles.title} as title, row_number() over (order by tt.month_score desc nulls last, ${titles.year} desc) as n
      from ${credits} join ${titles} on ${titles.id} = ${credits.titleId}
        left join title_trending tt on tt.title_id = ${titles.id}
      where ${credits.personId} = "people"."id" and ${visibleTo(input.audience, TITLES)}
      order by n limit 3) t), '{}')`;
  const nearest = db().select({ id: people.id }).from(people).orderBy(sql`${input.text} <<-> ${people.name}`).limit(CANDIDATES);
  return db()
    .select({ id: people.id, name: people.name, knownFor, score })
    .from(people)
    .where(and(inArray(people.id, nearest), sql`word_similarity(${input.text}, ${people.name}) >= ${MIN_SIMILARITY}`))
    .orderBy(desc(score))
    .limit(input.limit);
}

/** Candidates of each requested kind, best first within each kind. */
export async function searchCatalog(input: SearchInput) {
  const titleKinds = input.kinds.filter((kind): kind is "movie" | "show" => kind === "movie" || kind === "show");
  const [titleRows, episodeRows, personRows] = await Promise.all([
    titleKinds.length ? searchTitles(input, titleKinds) : [],
    input.kinds.includes("episode") ? searchEpisodes(input) : [],
    input.kinds.includes("person") ? searchPeople(input) : [],
  ]);
  return { titles: titleRows, episodes: episodeRows, people: personRows };
}
