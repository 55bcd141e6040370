// What a search result can be.
export const SEARCH_KINDS = ["movie", "show", "episode", "person", "channel"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
