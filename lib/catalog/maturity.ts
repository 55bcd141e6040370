// One ordered scale for film and TV ratings, so a profile's limit applies to both.
const levels = {
  G: 0,
  "TV-Y": 0,
  "TV-G": 0,
  "TV-Y7": 1,
  PG: 1,
  "TV-PG": 1,
  "PG-13": 2,
  "TV-14": 2,
  R: 3,
  "TV-MA": 3,
  "NC-17": 4,
} as const;

export type MaturityRating = keyof typeof levels;
export const MATURITY_RATINGS = Object.keys(levels) as MaturityRating[];
export const MOVIE_RATINGS = ["G", "PG", "PG-13", "R", "NC-17"] as const satisfies readonly MaturityRating[];
export const SHOW_RATINGS = ["TV-Y", "TV-Y7", "TV-G", "TV-PG", "TV-14", "TV-MA"] as const satisfies readonly MaturityRating[];

export const maturityLevel = (rating: MaturityRating): number => levels[rating];

export const isMaturityRating = (value: string): value is MaturityRating => value in levels;
