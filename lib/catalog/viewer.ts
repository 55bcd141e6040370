import "server-only";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { requireProfile } from "@/lib/profiles/profiles";
import { maturityLevel, type MaturityRating } from "./maturity";

/**
 * The highest maturity level a catalog request may see: the profile's own limit (when `?profile=` names one of the
 * caller's profiles) and `max_maturity_rating`, whichever is stricter; undefined for no limit.
 */
export async function maturityLimit(
  principal: Principal | undefined,
  query: { profile?: string; max_maturity_rating?: MaturityRating },
): Promise<number | undefined> {
  const limits: number[] = [];
  if (query.max_maturity_rating) limits.push(maturityLevel(query.max_maturity_rating));
  if (query.profile !== undefined) {
    if (!principal) throw new ApiError("forbidden", "A bearer token is needed to browse as a profile.");
    limits.push((await requireProfile(principal, query.profile)).maturityLevel);
  }
  return limits.length ? Math.min(...limits) : undefined;
}
