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

/** "12m left" for a started item, or undefined when its length is unknown. */
export function timeLeft(position: number, duration: number | null | undefined): string | undefined {
  if (!duration || duration <= position) return undefined;
  const minutes = Math.ceil((duration - position) / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m left` : `${minutes}m left`;
}

export const seasonCountLabel = (count: number) => (count === 1 ? "1 season" : `${count} seasons`);
