// Small display formats shared by cards, the hero and title pages.

/** 6060 → "1h 41m", 1500 → "25m", 30 → "30s". */
export function formatRuntime(seconds: number | null | undefined): string | undefined {
  if (!seconds || seconds <= 0) return undefined;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
}

/** "S2:E5", the episode shorthand viewers know. */
export const episodeCode = (season: number, episode: number) => `S${season}:E${episode}`;

/**
 * What is left of a started item, honestly rounded: "17 s left" under a minute (never "0 min left"), "12 min left",
 * "1 h 5 min left"; undefined when its length is unknown or it is finished.
 */
export function timeLeft(position: number, duration: number | null | undefined): string | undefined {
  if (!duration || duration <= position) return undefined;
  const seconds = Math.ceil(duration - position);
  if (seconds < 60) return `${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (!hours) return `${minutes} min left`;
  return minutes % 60 ? `${hours} h ${minutes % 60} min left` : `${hours} h left`;
}

export const seasonCountLabel = (count: number) => (count === 1 ? "1 season" : `${count} seasons`);
