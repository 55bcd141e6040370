import "server-only";
import { findSubscription } from "@/db/queries/subscriptions";
import type { Profile } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import type { Plan } from "@/lib/billing/plans";
import { activePlan } from "@/lib/billing/subscriptions";
import { ratingAllows } from "./visibility";

// Who may see and who may play what: the whole rule, in this one file. Every catalog, search, list, recommendation,
// progress and stream query filters titles with `visibleTo` (visibility.ts); every stream start asks `canPlay`.
//
// - A title is **visible** to a profile when it is published and rated at or below the profile's maturity level.
//   Without a profile (anonymous catalog reads), every published title is visible. A hidden title does not exist for
//   the profile: 404, the same answer as an unknown id, and it drops out of every list it was on.
// - A visible title is **playable** by a profile when its account's subscription is active (402
//   `subscription_required` otherwise). A published title above the profile's rating is answered 403
//   `maturity_restricted` at stream start, without naming it: the profile is told it may not, not what it is.
// - Acting as a profile at all (profile-access.ts): the profile must be the caller's account's; a profile with a PIN
//   is locked until unlocked (a profile token through the API, choosing it with its PIN on the site); a site session
//   watching as a kids profile can act as that profile only, and cannot change the account.
// - Kids profiles are rated KIDS_MAX_RATING at most (kids.ts; a database check holds it too) and start at
//   KIDS_DEFAULT_RATING.

/** The one who asks: the signed-in account and the profile it acts as, loaded once per request. */
export type Viewer = { principal: Principal; profile: Profile };

/** The facts about a title that decide whether it plays. */
export type PlayableTitle = { maturityLevel: number; maturityRating: string };

export type PlayRight = { plan: Plan };

/** Whether the viewer may start playing `title` (a published title); throws the refusal, else says under which plan. */
export async function canPlay(viewer: Viewer, title: PlayableTitle): Promise<PlayRight> {
  const plan = activePlan(await findSubscription(viewer.principal.accountId));
  if (!plan) throw new ApiError("subscription_required", "Choose a plan to watch (PUT /api/accounts/subscription).");
  if (!ratingAllows(viewer.profile, title)) {
    throw new ApiError(
      "maturity_restricted",
      `This title is not available on this profile: it is rated above what the profile may watch (${viewer.profile.maturityRating}).`,
      { title_rating: title.maturityRating, profile_rating: viewer.profile.maturityRating },
    );
  }
  return { plan };
}
