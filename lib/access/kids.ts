import { ApiError } from "@/lib/api/errors";
import { maturityLevel, type MaturityRating } from "@/lib/catalog/maturity";

// Kids profiles: where they start and how high they may go, for the API and the site alike (see rules.ts). They start at
// TV-Y7, which on the one scale (lib/catalog/maturity.ts) shares its level with PG and TV-PG, above G, TV-Y and TV-G;
// a parent may choose up to PG-13.
export const KIDS_DEFAULT_RATING = "TV-Y7" as const satisfies MaturityRating;
export const KIDS_MAX_RATING = "PG-13" as const satisfies MaturityRating;
export const KIDS_MAX_LEVEL = maturityLevel(KIDS_MAX_RATING);

type ProfileRating = { kids: boolean; maturityRating: string };

/**
 * The rating a profile gets from a change of its kids flag and rating, judged on the result, not on the fields given:
 * a kids profile (made one now, or already one) is never rated above KIDS_MAX_RATING (422), and one made kids without
 * a rating, rated above the ceiling, gets KIDS_DEFAULT_RATING. Undefined when the rating stays as it is.
 */
export function ratingAfterChange(current: ProfileRating, change: { kids?: boolean; maturity_rating?: MaturityRating }): MaturityRating | undefined {
  const kids = change.kids ?? current.kids;
  const becomesKids = kids && !current.kids;
  const currentRating = current.maturityRating as MaturityRating;
  const rating = change.maturity_rating ?? (becomesKids && maturityLevel(currentRating) > KIDS_MAX_LEVEL ? KIDS_DEFAULT_RATING : undefined);
  if (kids && maturityLevel(rating ?? currentRating) > KIDS_MAX_LEVEL) {
    const message = `A kids profile can be rated ${KIDS_MAX_RATING} at most.`;
    throw new ApiError("validation_failed", message, [{ field: "body.maturity_rating", message }]);
  }
  return rating;
}
