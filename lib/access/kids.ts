import { maturityLevel, type MaturityRating } from "@/lib/catalog/maturity";

// Kids profiles: where they start and how high they may go, for the API and the site alike (see rules.ts).
export const KIDS_DEFAULT_RATING = "PG" as const satisfies MaturityRating;
export const KIDS_MAX_RATING = "PG-13" as const satisfies MaturityRating;
export const KIDS_MAX_LEVEL = maturityLevel(KIDS_MAX_RATING);
