// What the watch page hands the player: the stream endpoint's answer, the item (for progress) and where to go next.
export type PlayerStream = {
  stream_id: string;
  manifest_url: string;
  subtitles: { language: string; label: string; url: string }[];
  /** Titles' streams: every audio track (more than one: an HLS audio group), the one to start with, subtitles to start with. */
  audio_tracks?: { language: string; label: string; default: boolean }[];
  audio_language?: string | null;
  subtitle_language?: string | null;
  resume_from: number;
  duration_seconds: number | null;
  thumbnails_url: string | null;
  intro: { start: number; end: number } | null;
  credits_start: number | null;
  lease_seconds: number;
};

/** The contract's progress target for this item. */
export type ProgressTarget =
  | { kind: "movie_watch_progress"; movie_id: string }
  | { kind: "tv_show_watch_progress"; tv_show_id: string; tv_show_season: number; tv_show_episode: number };

export type UpNext = { href: string; title: string; stillUrl: string | null };
