import "server-only";
import { searchCatalog, spellingsOf } from "@/db/queries/search";
import type { Audience } from "@/lib/access/visibility";
import { findChannels } from "@/lib/channels/channels";
import { audienceKey, cachedCatalog } from "./cache";
import { artworkUrl } from "./catalog";
import { SEARCH_KINDS, type SearchKind } from "./kinds";

/** "Star wa" → ["star", "wa"]: the words of a query (at most 8). */
export function queryWords(text: string): string[] {
  return (text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * "Star wa" → "star:* & wa:*": every word, each as a prefix so results follow typing, or else one of the title words
 * it may misspell ("criso" → "(criso:* | crimson | crow)").
 */
export function prefixQuery(words: Array<{ word: string; near: string[] }>, join = " & "): string | undefined {
  const terms = words.map(({ word, near }) => (near.length ? `(${[`${word}:*`, ...near].join(" | ")})` : `${word}:*`));
  return terms.length ? terms.join(join) : undefined;
}

/** Words for a mood that name a genre (by slug): "something funny" finds comedies. */
const MOODS: Record<string, string> = {
  funny: "comedy", hilarious: "comedy", comedies: "comedy", laugh: "comedy",
  scary: "horror", spooky: "horror", creepy: "horror", frightening: "horror",
  romantic: "romance", love: "romance",
  animated: "animation", cartoon: "animation", cartoons: "animation",
  kids: "family", children: "family", heartwarming: "family",
  suspense: "thriller", suspenseful: "thriller", thrilling: "thriller", tense: "thriller", thrillers: "thriller",
  documentaries: "documentary", docs: "documentary", docuseries: "documentary",
  scifi: "sci-fi", space: "sci-fi", futuristic: "sci-fi",
  magic: "fantasy", magical: "fantasy",
  detective: "mystery", whodunit: "mystery", mysteries: "mystery",
  heist: "crime", gangster: "crime",
  quest: "adventure", epic: "adventure",
  explosive: "action",
  sad: "drama", emotional: "drama", dramas: "drama",
};

/** The genre names, slugs and moods the query's words (or the whole query, e.g. "sci-fi") may name. */
export function genreWordsOf(text: string): string[] {
  const whole = text.normalize("NFKC").toLowerCase().trim();
  const words = whole.match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set([whole, ...words, ...words.map((word) => MOODS[word]).filter(Boolean)])].filter((word) => word.length > 1).slice(0, 16);
}

const round = (score: number) => Math.round(score * 1000) / 1000;

/** Titles, episodes, people and channels matching `text`, typo-tolerant and ranked, as one list. */
export function search(text: string, options: { kind?: SearchKind; audience: Audience; limit: number }) {
  const key = JSON.stringify(["search", audienceKey(options.audience), text, options.kind ?? null, options.limit]);
  // Ranked partly by viewing (a named genre's titles, a person's best-known ones).
  return cachedCatalog(key, () => searchUncached(text, options), { byViewing: true });
}

/** The same, always from the database (bench/search measures the queries). */
export async function searchUncached(text: string, options: { kind?: SearchKind; audience: Audience; limit: number }) {
  const kinds = options.kind ? [options.kind] : [...SEARCH_KINDS];
  const channels = kinds.includes("channel") ? findChannels(text.trim(), options.audience, options.limit) : [];
  const spellings = await spellingsOf(queryWords(text));
  const found = await searchCatalog({
    text,
    prefixQuery: prefixQuery(spellings),
    phraseQuery: spellings.length > 1 ? prefixQuery(spellings, " <-> ") : undefined,
    genreWords: genreWordsOf(text),
    kinds,
    audience: options.audience,
    limit: options.limit,
  });
  const items = [
    ...found.titles.map((row) => ({
      type: row.kind,
      id: row.id,
      title: row.title,
      year: row.year,
      maturity_rating: row.maturityRating,
      poster_url: artworkUrl(row.posterPath),
      score: round(row.score),
    })),
    ...found.episodes.map((row) => ({
      type: "episode" as const,
      id: row.id,
      title: row.title,
      show_id: row.showId,
      show_title: row.showTitle,
      season: row.season,
      episode: row.episode,
      maturity_rating: row.maturityRating,
      still_url: artworkUrl(row.stillPath),
      score: round(row.score),
    })),
    ...found.people.map((row) => ({
      type: "person" as const,
      id: row.id,
      title: row.name,
      known_for: row.knownFor,
      score: round(row.score),
    })),
    ...(await channels).map((channel) => ({ ...channel, score: round(channel.score) })),
  ];
  items.sort((a, b) => b.score - a.score);
  return { query: text, items: items.slice(0, options.limit) };
}
