import "server-only";
import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { union, type AnyPgColumn } from "drizzle-orm/pg-core";
import { visibleTo, type Audience } from "@/lib/access/visibility";
import type { SearchKind } from "@/lib/catalog/kinds";
import { db, queryRows } from "../client";
import { credits, episodes, genres, people, titleGenres, titles } from "../schema";

export type SearchInput = {
  /** The raw query, as typed. */
  text: string;
  /**
   * Its words as a tsquery, each a prefix or, when no title word starts with it, one of the title words it may
   * misspell ("(criso:* | crimson) & desert:*"); undefined when it has none.
   */
  prefixQuery: string | undefined;
  /** The same terms in order, next to each other ("(criso:* | crimson) <-> desert:*"), for two words or more. */
  phraseQuery: string | undefined;
  /** Genre slugs or names the query's words name, directly or as a mood ("funny" → comedy). */
  genreWords: string[];
  kinds: SearchKind[];
  /** Whom the results are for: only titles (and episodes of shows) visible to them. */
  audience: Audience;
  limit: number;
};

// Candidates come from indexes without scanning every match: names that start with what was typed (a btree range),
// the best full-text matches of the words typed so far, misspelt words corrected (a GIN tsvector scan, also covering
// synopses), and a named genre's titles. Only when those find nothing are the names nearest to the whole query by
// trigram word similarity asked for (a GiST KNN scan: typo-tolerant, but its cost grows with the query's length).
// Only the candidates are scored and ranked.
const CANDIDATES = 40;
const TITLES = `"titles"`;
const MIN_SIMILARITY = 0.3;

const tsquery = (input: SearchInput) =>
  sql`(to_tsquery('simple', ${input.prefixQuery}) || to_tsquery('english', ${input.prefixQuery}))`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

// A misspelt word is corrected to at most this many dictionary words at least this similar (trigram similarity):
// "criso" → crimson (0.27), crow.
const SPELLINGS = 3;
const MIN_SPELLING_SIMILARITY = 0.2;

/** For each word: the title words nearest to it when no title word starts with it (a typo), else none. */
export async function spellingsOf(words: string[]): Promise<Array<{ word: string; near: string[] }>> {
  if (!words.length) return [];
  return queryRows(sql`
    select q.word, array(
        select s.word from search_words s
        where not exists (select 1 from search_words k where k.word ^@ q.word)
          and similarity(s.word, q.word) >= ${MIN_SPELLING_SIMILARITY}
        order by s.word <-> q.word
        limit ${SPELLINGS}) as near
    from unnest(array[${sql.join(words.map((word) => sql`${word}`), sql`, `)}]::text[]) as q(word)`);
}

// Closeness of the name dominates; a name that starts with the query gets a bonus.
const nameScore = (input: SearchInput, name: AnyPgColumn) =>
  sql`word_similarity(${input.text}, ${name})
    + case when lower(${name}) like lower(${escapeLike(input.text)}) || '%' then 0.5 else 0 end`;

const PHRASE_SCORE = 0.6;

/** Full-text rank and relevance test for rows with a search vector. */
function textRelevance(input: SearchInput, vector: SQL, name: SQL) {
  if (!input.prefixQuery) {
    return { rank: sql`0`, relevant: sql`word_similarity(${input.text}, ${name}) >= ${MIN_SIMILARITY}` };
  }
  // A row with the words next to each other in the order typed ranks above one with the same words apart or reversed.
  const phrase = input.phraseQuery ? sql` + case when ${vector} @@ to_tsquery('simple', ${input.phraseQuery}) then ${PHRASE_SCORE}::float8 else 0 end` : sql``;
  return {
    rank: sql`(ts_rank(${vector}, ${tsquery(input)})${phrase})`,
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

function titleCandidates(input: SearchInput, kinds: Array<"movie" | "show">, nearestToo: boolean) {
  const visible = and(visibleTo(input.audience, TITLES), inArray(titles.kind, kinds));
  const nearest = db().select({ id: titles.id }).from(titles).where(visible).orderBy(sql`${input.text} <<-> ${titles.title}`).limit(CANDIDATES);
  const starting = db()
    .select({ id: titles.id })
    .from(titles)
    .where(and(visible, sql`lower(${titles.title}) like ${`${escapeLike(input.text.trim().toLowerCase())}%`}`))
    .orderBy(sql`lower(${titles.title})`)
    .limit(CANDIDATES);
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
  const found = input.genreWords.length ? union(starting, matching, ofGenre) : union(starting, matching);
  return nearestToo ? union(nearest, found) : found;
}

/** Ranked titles; the trigram scan of the whole query only when its words find nothing. */
async function searchTitles(input: SearchInput, kinds: Array<"movie" | "show">) {
  const found = await rankTitles(input, kinds, !input.prefixQuery);
  return found.length || !input.prefixQuery ? found : rankTitles(input, kinds, true);
}

function rankTitles(input: SearchInput, kinds: Array<"movie" | "show">, nearestToo: boolean) {
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
    .where(and(inArray(titles.id, titleCandidates(input, kinds, nearestToo)), or(relevant, genre)))
    .orderBy(desc(score))
    .limit(input.limit);
}

function episodeCandidates(input: SearchInput, nearestToo: boolean) {
  const visible = visibleTo(input.audience, TITLES);
  const base = () => db().select({ id: episodes.id }).from(episodes).innerJoin(titles, eq(titles.id, episodes.showId));
  const nearest = base().where(visible).orderBy(sql`${input.text} <<-> ${episodes.title}`).limit(CANDIDATES);
  if (!input.prefixQuery) return nearest;
  const matching = base()
    .where(and(visible, sql`${episodes.searchVector} @@ ${tsquery(input)}`))
    .orderBy(desc(sql`ts_rank(${episodes.searchVector}, ${tsquery(input)})`))
    .limit(CANDIDATES);
  return nearestToo ? union(nearest, matching) : matching;
}

/** Ranked episodes; as for titles, the trigram scan only when the words find nothing. */
async function searchEpisodes(input: SearchInput) {
  const found = await rankEpisodes(input, !input.prefixQuery);
  return found.length || !input.prefixQuery ? found : rankEpisodes(input, true);
}

function rankEpisodes(input: SearchInput, nearestToo: boolean) {
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
    .where(and(inArray(episodes.id, episodeCandidates(input, nearestToo)), relevant))
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
