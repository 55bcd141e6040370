import "server-only";
import { deleteProfile, findProfile, insertProfileWithinLimit, listProfiles, updateProfile } from "@/db/queries/profiles";
import { findSubscription } from "@/db/queries/subscriptions";
import type { Profile } from "@/db/schema";
import { hashPassword } from "@/lib/accounts/password";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError, checkViolation, uniqueViolation } from "@/lib/api/errors";
import { PROFILES_WITHOUT_PLAN } from "@/lib/billing/plans";
import { activePlan } from "@/lib/billing/subscriptions";
import { ratingAfterChange } from "@/lib/access/kids";
import { checkedBlockedGenres } from "@/lib/access/kids-controls";
import { maturityLevel, type MaturityRating } from "@/lib/catalog/maturity";
import type { AcceptedAvatar } from "./avatars";

export function profileView(profile: Profile) {
  return {
    name: profile.name,
    kids: profile.kids,
    maturity_rating: profile.maturityRating,
    avatar: profile.avatar,
    has_pin: profile.pinHash !== null,
    blocked_genres: profile.blockedGenres,
    daily_limit_minutes: profile.dailyLimitMinutes,
    language: profile.language,
    audio_language: profile.audioLanguage,
    created_at: profile.createdAt.toISOString(),
  };
}

export async function listAccountProfiles(principal: Principal) {
  return { items: (await listProfiles(principal.accountId)).map(profileView) };
}

/** The caller's profile called `name`; another account's profiles do not exist for the caller (404). */
export async function requireProfile(principal: Principal, name: string): Promise<Profile> {
  const profile = await findProfile(principal.accountId, name);
  if (!profile) throw new ApiError("profile_not_found", "This account has no profile with that name.");
  return profile;
}

const nameTaken = (error: unknown): never => {
  if (uniqueViolation(error) !== undefined) throw new ApiError("profile_exists", "This account already has a profile with that name.");
  throw error;
};

export async function createProfile(principal: Principal, name: string) {
  const plan = activePlan(await findSubscription(principal.accountId));
  const limit = plan?.max_profiles ?? PROFILES_WITHOUT_PLAN;
  const profile = await insertProfileWithinLimit({ accountId: principal.accountId, name }, limit).catch(nameTaken);
  if (!profile) {
    throw new ApiError(
      "upgrade_required",
      plan ? `The ${plan.name} plan allows ${limit} profiles. Upgrade to add more.` : `Without a plan an account has ${limit} profile. Choose a plan to add more.`,
      { plan: plan?.id ?? null, max_profiles: limit },
    );
  }
  return profileView(profile);
}

export async function removeProfile(principal: Principal, name: string) {
  if (!(await deleteProfile(principal.accountId, name))) {
    throw new ApiError("profile_not_found", "This account has no profile with that name.");
  }
}

export async function renameProfile(principal: Principal, name: string, newName: string) {
  const profile = await updateProfile(principal.accountId, name, { name: newName }).catch(nameTaken);
  if (!profile) throw new ApiError("profile_not_found", "This account has no profile with that name.");
  return profileView(profile);
}

export type ProfileSettings = {
  kids?: boolean;
  maturity_rating?: MaturityRating;
  avatar?: AcceptedAvatar;
  pin?: string | null;
  /** Kids controls (lib/access/kids-controls.ts): genre slugs; the list replaces the stored one. */
  blocked_genres?: string[];
  /** Minutes a day; null removes the limit. */
  daily_limit_minutes?: number | null;
  /** BCP 47, canonical (lib/catalog/languages.ts); null: the browser's. */
  language?: string | null;
};

/**
 * Applies the settings given (the kids ceiling judged by lib/access/kids.ts; a database check holds it too; blocked
 * genres must be known ones).
 */
export async function changeProfileSettings(principal: Principal, name: string, settings: ProfileSettings) {
  const current = await requireProfile(principal, name);
  const rating = ratingAfterChange(current, settings);
  const changes = {
    kids: settings.kids,
    maturityRating: rating,
    maturityLevel: rating && maturityLevel(rating),
    avatar: settings.avatar,
    pinHash: settings.pin === undefined ? undefined : settings.pin === null ? null : await hashPassword(settings.pin),
    blockedGenres: settings.blocked_genres && (await checkedBlockedGenres(settings.blocked_genres)),
    dailyLimitMinutes: settings.daily_limit_minutes,
    language: settings.language,
  };
  if (Object.values(changes).every((value) => value === undefined)) return profileView(current);
  const profile = await updateProfile(principal.accountId, name, changes).catch(kidsCeiling);
  if (!profile) throw new ApiError("profile_not_found", "This account has no profile with that name.");
  return profileView(profile);
}

// Another change made the profile kids (or raised its rating) since it was read: the database's check refuses.
const kidsCeiling = (error: unknown): never => {
  if (checkViolation(error)) throw new ApiError("conflict", "The profile changed meanwhile; read it again and retry.");
  throw error;
};
