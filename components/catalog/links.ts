// Where the site's catalog links go. Watch paths are the player's (branch playback): keep them exactly as they are.

export type TitleKind = "movie" | "show";

export const titleHref = (kind: TitleKind, id: string) => `/title/${kind}/${id}`;

export const movieWatchHref = (movieId: string) => `/watch/movie/${movieId}`;

export const episodeWatchHref = (showId: string, season: number, episode: number) => `/watch/show/${showId}/${season}/${episode}`;

export const searchHref = (query: string) => `/search?q=${encodeURIComponent(query)}`;
