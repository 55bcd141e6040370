import "server-only";
import { searchCatalog } from "@/db/queries/search";
import type { Audience } from "@/lib/access/visibility";
import { artworkUrl } from "./catalog";
import { SEARCH_KINDS, type SearchKind } from "./kinds";

/** "Star wa" → "star:* & wa:*": every word, each as a prefix, so results follow typing. */
export function prefixQuery(text: string): string | undefined {
  const words = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 8).map((word) => `${word}:*`).join(" & ") : undefined;
}

const round = (score: number) => Math.round(score * 1000) / 1000;

/** Titles, episodes and people matching `text`, typo-tolerant and ranked, as one list. */
export async function search(text: string, options: { kind?: SearchKind; audience: Audience; limit: number }) {
  const found = await searchCatalog({
    text,
    prefixQuery: prefixQuery(text),
    kinds: options.kind ? [options.kind] : [...SEARCH_KINDS],
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
  ];
  items.sort((a, b) => b.score - a.score);
  return { query: text, items: items.slice(0, options.limit) };
}
