import "server-only";
import type { Viewer } from "@/lib/access/rules";
import type { Audience } from "@/lib/access/visibility";
import { maturityLevel, type MaturityRating } from "./maturity";

/**
 * Whom a catalog read is for: the profile it acts as (`?profile=`, loaded by withApi) and `max_maturity_rating`,
 * whichever is stricter, with the profile's blocked genres; undefined (every published title) for neither.
 */
export function catalogAudience(viewer: Viewer | undefined, query: { max_maturity_rating?: MaturityRating }): Audience {
  const levels = [viewer?.profile.maturityLevel, query.max_maturity_rating && maturityLevel(query.max_maturity_rating)];
  const limits = levels.filter((level): level is number => level !== undefined);
  return limits.length ? { maturityLevel: Math.min(...limits), blockedGenres: viewer?.profile.blockedGenres } : undefined;
}
