// Which audio and subtitles a title starts with for a profile: the audio language it chose last in the player, else
// its own language, else the video's default track; and subtitles in the profile's language when the audio it will
// hear is in another one (a film only dubbed in other languages). Pure; the player applies it, a stored subtitle
// choice in the browser still wins.
import type { AudioTrack } from "@/db/schema/media";
import { pickAudioTrack } from "@/lib/media/audio-tracks";

type Preferences = { language: string | null; audioLanguage: string | null };

const base = (tag: string) => tag.split("-")[0];

export function startingLanguages(tracks: Pick<AudioTrack, "language" | "default">[], subtitles: { language: string }[], profile: Preferences) {
  const audio = pickAudioTrack(tracks, [profile.audioLanguage, profile.language]);
  const wanted = profile.language;
  // Unknown audio (none recorded, or untagged) says nothing about whether the viewer understands it.
  const foreign = audio !== undefined && audio.language !== "und" && wanted !== null && base(audio.language) !== base(wanted);
  const subtitle = foreign ? (subtitles.find((s) => s.language === wanted) ?? subtitles.find((s) => base(s.language) === base(wanted))) : undefined;
  return { audio: audio?.language ?? null, subtitles: subtitle?.language ?? null };
}
