// What a search result can be.
export const SEARCH_KINDS = ["movie", "show", "episode", "person", "channel"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

// What a row of the home page is (lib/catalog/home.ts).
export const HOME_ROW_KINDS = [
  "hero",
  "continue_watching",
  "my_list",
  "trending",
  "new",
  "popular",
  "for_sale",
  "recommendations",
  "genre",
  "collection",
] as const;
export type HomeRowKind = (typeof HOME_ROW_KINDS)[number];
