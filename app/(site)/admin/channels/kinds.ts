import { MATURITY_RATINGS } from "@/lib/catalog/maturity";

export const KIND_OPTIONS = [
  { value: "linear", label: "Linear: plays its schedule of catalog titles in a loop" },
  { value: "live", label: "Live: a feed pushed over RTMP (OBS, ffmpeg) or pulled from a URL" },
] as const;

// Unrated is an answer of its own: a live channel without a rating counts as the highest (lib/access/visibility.ts).
export const RATING_OPTIONS = [
  { value: "", label: "Unrated (live: adults only; linear: by its titles)" },
  ...MATURITY_RATINGS.map((rating) => ({ value: rating, label: rating })),
];
