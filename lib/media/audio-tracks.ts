// A source's audio streams as the ladder keeps them: every one, each with a language (the stream's tag as BCP 47,
// "und" when it has none) and a name a player can list, and one of them the default (the source's default
// disposition, else the first). Pure: probe.ts feeds it ffprobe's streams, transcode.ts and hls.ts use the result.
import type { AudioTrack } from "@/db/schema/media";
import { canonicalLanguage } from "@/lib/catalog/languages";

export type SourceAudio = {
  /** The stream's position among the source's audio streams (ffmpeg's `0:a:<index>`). */
  index: number;
  language: string;
  label: string;
  default: boolean;
};

type AudioStream = { disposition?: { default?: number }; tags?: { language?: string; title?: string } };

/** The AAC-LC stereo every track is encoded to; its codec names the HLS audio group. */
export const AUDIO_CODECS = "mp4a.40.2";
export const AUDIO_CHANNELS = 2;
export const audioGroupId = (codecs: string) => (codecs === AUDIO_CODECS ? "aac" : codecs.replace(/[^a-z0-9]+/gi, "-"));

/** ISO 639-2 tags as containers write them ("spa", "fre") or BCP 47 ones → canonical BCP 47 ("es", "fr"); else "und". */
export function streamLanguage(tag: string | undefined): string {
  const canonical = tag ? canonicalLanguage(tag.trim()) : undefined;
  return canonical && !["mis", "mul", "zxx"].includes(canonical) ? canonical : "und";
}

/** A language's own name, capitalised ("es" → "Español"); undefined for "und" or one the runtime cannot name. */
export function endonym(language: string): string | undefined {
  if (language === "und") return undefined;
  try {
    const name = new Intl.DisplayNames([language], { type: "language" }).of(language);
    return name && name !== language ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : undefined;
  } catch {
    return undefined;
  }
}

/** The source's audio streams in order, languages and names resolved, exactly one default. */
export function sourceAudio(streams: AudioStream[]): SourceAudio[] {
  const defaultIndex = Math.max(0, streams.findIndex((s) => s.disposition?.default === 1));
  const tracks = streams.map((stream, index) => {
    const language = streamLanguage(stream.tags?.language);
    const title = stream.tags?.title?.trim().slice(0, 80);
    return { index, language, label: title || endonym(language) || `Audio ${index + 1}`, default: index === defaultIndex };
  });
  // NAME must be unique within a group: a second "English" (a commentary without a title) gets a number.
  const seen = new Map<string, number>();
  for (const track of tracks) {
    const count = (seen.get(track.label) ?? 0) + 1;
    seen.set(track.label, count);
    if (count > 1) track.label = `${track.label} ${count}`;
  }
  return tracks;
}

/** The default track first, then the others in source order: the order players list them in. */
export const orderedAudio = (audio: SourceAudio[]) => [...audio.filter((a) => a.default), ...audio.filter((a) => !a.default)];

/** Whether an asset has alternate audio (an `EXT-X-MEDIA` group), as opposed to none or one muxed track. */
export const hasAlternateAudio = (tracks: AudioTrack[]) => tracks.some((t) => t.playlist !== null);

/** The track a viewer starts with: `preferred` languages in order (exact tag, then its base language), else the default. */
export function pickAudioTrack<T extends Pick<AudioTrack, "language" | "default">>(tracks: T[], preferred: (string | null | undefined)[]): T | undefined {
  for (const wanted of preferred) {
    if (!wanted) continue;
    const base = wanted.split("-")[0];
    const found = tracks.find((t) => t.language === wanted) ?? tracks.find((t) => t.language.split("-")[0] === base);
    if (found) return found;
  }
  return tracks.find((t) => t.default) ?? tracks[0];
}
