import "server-only";
import { findLiveRight, listOffers, startRentalWindow } from "@/db/queries/purchases";
import { titleInGenres } from "@/db/queries/kids-controls";
import { findSubscription } from "@/db/queries/subscriptions";
import type { Channel, Profile, Purchase, Subscription, TitleAccess } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { PLANS, type Plan } from "@/lib/billing/plans";
import { activePlan } from "@/lib/billing/subscriptions";
import { offerView } from "@/lib/purchases/offers";
import { assertViewingTimeLeft } from "./kids-controls";
import { channelRating, ratingAllows } from "./visibility";

// Who may see and who may play what: the whole rule, in this one file. Every catalog, search, list, recommendation,
// progress and stream query filters titles with `visibleTo` (visibility.ts); every stream start asks `canPlay`.
//
// - A title is **visible** to a profile when it is published and rated at or below the profile's maturity level.
//   Without a profile (anonymous catalog reads), every published title is visible. A hidden title does not exist for
//   the profile: 404, the same answer as an unknown id, and it drops out of every list it was on.
// - A visible title is **playable** by a profile when one of these holds, by the title's `access`:
//   `free`: always (signed in, even without a plan); `subscription`: the account's plan is active;
//   `premium_early_access`: the plan is premium; and for every kind, the account bought the title, or rented it and
//   the rental has not run out (its window opens at its first stream and must open within the offer's days).
//   Otherwise: 402 `subscription_required` for a subscription title without a plan, else 402 `purchase_required` with
//   the title's offers (and, for early access, the plan that would cover it). A title above the profile's rating is
//   answered 403 `maturity_restricted` at stream start, without naming it or its offers.
//   A right is checked when a stream starts: a rental running out during playback lets that stream finish (its signed
//   URLs last the video's length plus the playback slack from the start, lib/playback/signing.ts), never a new one.
// - Acting as a profile at all (profile-access.ts): the profile must be the caller's account's; a profile with a PIN
//   is locked until unlocked (a profile token through the API, choosing it with its PIN on the site); a site session
//   watching as a kids profile can act as that profile only, cannot change the account, and cannot buy.
// - Kids profiles are rated KIDS_MAX_RATING at most (kids.ts; a database check holds it too) and start at
//   KIDS_DEFAULT_RATING.
// - Kids controls (kids-controls.ts), per profile: a title in a blocked genre is hidden like one rated above the
//   profile (`visibleTo`) and refused 403 `genre_blocked` at stream start; once the day's viewing minutes are used, a
//   stream start and a progress write are refused 403 `viewing_limit_reached` until the next day.
// - A **channel** (lib/channels/) is visible to a profile when its own rating allows it (the one an admin gave it; a
//   live channel, which has no titles to judge it by, counts as the highest rating until it has one) and every title
//   its schedule plays is visible (`channelVisibleTo`). It plays with an active plan that covers every title on it
//   (402 `subscription_required` otherwise: rentals and purchases do not open a channel, nor a channel a rent-only
//   title), the profile's rating checked against the channel's and each of its titles' (403 `maturity_restricted`,
//   naming neither), its blocked genres against each title, and the kids' daily limit, at the plan's streams and
//   quality (`canPlayChannel`).

/** The one who asks: the signed-in account and the profile it acts as, loaded once per request. */
export type Viewer = { principal: Principal; profile: Profile };

/** The facts about a title that decide whether it plays. */
export type PlayableTitle = { id: string; access: TitleAccess; maturityLevel: number; maturityRating: string };

/** How many streams at once and which top quality a right allows. */
export type Allowance = { planName: string | null; maxStreams: number; maxQuality: Plan["max_quality"] };

export type PlayRight = Allowance & {
  via: "free" | "plan" | "purchase" | "rental";
  /** The rental or purchase that gives the right (opened by `openRight` at stream start). */
  purchase?: Purchase;
};

// Without a plan, a bought or rented title plays in HD on one screen; a free title as on the basic plan.
const OWNED_WITHOUT_PLAN: Allowance = { planName: null, maxStreams: 1, maxQuality: "1080p" };
const FREE_WITHOUT_PLAN: Allowance = { planName: null, maxStreams: PLANS.basic.max_streams, maxQuality: PLANS.basic.max_quality };

const higherQuality = (a: Plan["max_quality"], b: Plan["max_quality"]) => (parseInt(a, 10) >= parseInt(b, 10) ? a : b);

const planAllowance = (plan: Plan): Allowance => ({ planName: plan.name, maxStreams: plan.max_streams, maxQuality: plan.max_quality });

/** Whether an active plan alone covers a title of this access. */
export function planCovers(plan: Plan | null | undefined, access: TitleAccess): boolean {
  if (!plan) return access === "free";
  return access === "premium_early_access" ? plan.id === "premium" : access !== "rent_or_buy";
}

/** Whether the account's plan alone lets it play titles of this access (title pages: Play, or Rent / Buy). */
export async function planCoversAccess(accountId: string, access: TitleAccess): Promise<boolean> {
  return planCovers(activePlan(await findSubscription(accountId)), access);
}

/** What decides a right to play besides the viewer and the title (read together with the item at a stream start). */
export type PlayFacts = { subscription: Subscription | undefined; owned: Purchase | undefined; genreBlocked: boolean };

/** Whether the viewer may start playing `title` (a published title); throws the refusal, else says by what right. */
export async function canPlay(viewer: Viewer, title: PlayableTitle): Promise<PlayRight> {
  const [subscription, owned, genreBlocked] = await Promise.all([
    findSubscription(viewer.principal.accountId),
    findLiveRight(viewer.principal.accountId, title.id),
    titleInGenres(title.id, viewer.profile.blockedGenres),
  ]);
  return decidePlay(viewer, title, { subscription, owned, genreBlocked });
}

/** `canPlay` with its facts in hand (lib/playback/streams.ts reads them in the statement that finds the item). */
export async function decidePlay(viewer: Viewer, title: PlayableTitle, { subscription, owned, genreBlocked }: PlayFacts): Promise<PlayRight> {
  const plan = activePlan(subscription);
  const covered = planCovers(plan, title.access);
  if (!covered && !owned && title.access === "subscription") {
    throw new ApiError("subscription_required", "Choose a plan to watch (PUT /api/accounts/subscription).");
  }
  if (!ratingAllows(viewer.profile, title)) {
    throw new ApiError(
      "maturity_restricted",
      `This title is not available on this profile: it is rated above what the profile may watch (${viewer.profile.maturityRating}).`,
      { title_rating: title.maturityRating, profile_rating: viewer.profile.maturityRating },
    );
  }
  if (genreBlocked) throw new ApiError("genre_blocked", "This title is not available on this profile.");
  await assertViewingTimeLeft(viewer);
  if (covered) return { via: plan ? "plan" : "free", ...(plan ? planAllowance(plan) : FREE_WITHOUT_PLAN) };
  if (owned) {
    const allowance = plan ? { ...planAllowance(plan), maxQuality: higherQuality(plan.max_quality, OWNED_WITHOUT_PLAN.maxQuality) } : OWNED_WITHOUT_PLAN;
    return { via: owned.kind === "buy" ? "purchase" : "rental", purchase: owned, ...allowance };
  }
  const offers = (await listOffers(title.id)).map(offerView);
  const premium = title.access === "premium_early_access";
  throw new ApiError(
    "purchase_required",
    premium
      ? "This title is in early access: rent or buy it, or watch it with the Premium plan."
      : "This title is not part of any plan: rent or buy it to watch.",
    { access: title.access, offers, ...(premium && { plans: ["premium"] }) },
  );
}

/** A rental's "time is running out" notification comes this many hours before its window ends. */
export const RENTAL_REMINDER_HOURS = 6;

/**
 * Called once the stream is opened: a rental's viewing window starts at its first stream (written once, whichever of
 * two simultaneous first streams gets there, which also schedules its reminder). Returns when the right ends (null: it does not).
 */
export async function openRight(right: PlayRight): Promise<Date | null> {
  if (right.via !== "rental" || !right.purchase) return null;
  const rental = right.purchase.rentalStartedAt ? right.purchase : await startRentalWindow(right.purchase.id, RENTAL_REMINDER_HOURS);
  return rental.expiresAt;
}

/** Whether the viewer may start watching `channel`, whose schedule plays `titles`; throws the refusal. */
export async function canPlayChannel(viewer: Viewer, channel: Pick<Channel, "kind" | "maturityRating" | "maturityLevel">, titles: PlayableTitle[]): Promise<Allowance> {
  const plan = activePlan(await findSubscription(viewer.principal.accountId));
  if (!plan) throw new ApiError("subscription_required", "Choose a plan to watch live TV (PUT /api/accounts/subscription).");
  // A channel does not open what the plan does not cover: a rent-only title, or early access below Premium.
  const uncovered = titles.find((title) => !planCovers(plan, title.access));
  if (uncovered) {
    const early = uncovered.access === "premium_early_access";
    throw new ApiError(
      "subscription_required",
      early ? "This channel plays titles in early access: watch it with the Premium plan." : "This channel plays titles that are not part of any plan.",
      { access: uncovered.access, ...(early && { plans: ["premium"] }) },
    );
  }
  const rated = channelRating(channel);
  if (rated && !ratingAllows(viewer.profile, rated)) {
    throw new ApiError(
      "maturity_restricted",
      `This channel is not available on this profile: it is rated above what the profile may watch (${viewer.profile.maturityRating}).`,
      { channel_rating: rated.maturityRating, profile_rating: viewer.profile.maturityRating },
    );
  }
  const above = titles.find((title) => !ratingAllows(viewer.profile, title));
  if (above) {
    throw new ApiError(
      "maturity_restricted",
      `This channel is not available on this profile: it plays titles rated above what the profile may watch (${viewer.profile.maturityRating}).`,
      { title_rating: above.maturityRating, profile_rating: viewer.profile.maturityRating },
    );
  }
  const blocked = await Promise.all(titles.map((title) => titleInGenres(title.id, viewer.profile.blockedGenres)));
  if (blocked.some(Boolean)) throw new ApiError("genre_blocked", "This channel is not available on this profile.");
  await assertViewingTimeLeft(viewer);
  return planAllowance(plan);
}
