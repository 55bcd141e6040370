export const KIND_OPTIONS = [
  { value: "linear", label: "Linear: plays its schedule of catalog titles in a loop" },
  { value: "live", label: "Live: a feed pushed over RTMP (OBS, ffmpeg) or pulled from a URL" },
] as const;
