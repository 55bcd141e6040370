export const KIND_OPTIONS = [
  { value: "linear", label: "Linear: plays its schedule of catalog titles in a loop" },
  { value: "live", label: "Live: an ingested feed (not yet available)" },
] as const;
