import "server-only";
import { updateProfile } from "@/db/queries/profiles";
import type { Profile } from "@/db/schema";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";

// A profile's playback languages: its own language (set by the account holder, lib/profiles/profiles.ts) and the audio
// language it last picked in a player, which the viewer sets for itself. Stream starts read both
// (lib/playback/languages.ts).

const view = (profile: Pick<Profile, "language" | "audioLanguage">) => ({ language: profile.language, audio_language: profile.audioLanguage });

export async function getPreferences(viewer: Viewer) {
  return view(viewer.profile);
}

export async function rememberAudioLanguage(viewer: Viewer, audioLanguage: string | null) {
  const { principal, profile } = viewer;
  if (profile.audioLanguage === audioLanguage) return view(profile);
  const updated = await updateProfile(principal.accountId, profile.name, { audioLanguage });
  if (!updated) throw new ApiError("profile_not_found", "This account has no profile with that name.");
  return view(updated);
}
