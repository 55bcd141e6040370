import { spawn } from "node:child_process";
import fs from "node:fs";
import { ffmpegPath } from "@/lib/media/ffmpeg";
import { demoLanguages, demoMovies } from "./demo-data";

// The demo catalog's video: a few distinct clips made by ffmpeg from generated sources (a moving pattern with the
// clip's name and a running clock drawn in, and a tone), shared between titles to keep the first start short. The
// shared clips are heard in English; titles dubbed into other languages get a clip of their own with one audio
// stream per language, each its own tone, so switching tracks is heard.

/** One audio stream of a clip: its language (BCP 47) and tone (Hz). */
export type DemoVoice = { language: string; tone: number };

export type DemoClip = { name: string; source: string; width: number; height: number; voices: DemoVoice[] };

export const CLIP_SECONDS = 30;

export const demoClips: DemoClip[] = [
  { name: "Clip A · Test Card", source: "testsrc2", width: 1920, height: 1080, voices: [{ language: "en", tone: 220 }] },
  { name: "Clip B · Colour Bars", source: "smptehdbars", width: 1920, height: 1080, voices: [{ language: "en", tone: 330 }] },
  { name: "Clip C · Life", source: "life=mold=10:ratio=0.1:death_color=#101030:life_color=#e50914", width: 1280, height: 720, voices: [{ language: "en", tone: 262 }] },
  { name: "Clip D · Automaton", source: "cellauto=rule=110", width: 1280, height: 720, voices: [{ language: "en", tone: 294 }] },
  { name: "Clip E · Test Card II", source: "testsrc", width: 1280, height: 720, voices: [{ language: "en", tone: 392 }] },
  { name: "Clip F · Gradients", source: "gradients=speed=0.03", width: 1280, height: 720, voices: [{ language: "en", tone: 196 }] },
];

// Far enough apart to tell at once: A4, E5, C#5.
const VOICE_TONES: Record<string, number> = { en: 440, es: 660, fr: 554 };
// What MP4 language tags hold (ISO 639-2); the pipeline reads them back as BCP 47.
const ISO_639_2: Record<string, string> = { en: "eng", es: "spa", fr: "fra" };

/** A clip heard in each of `languages` (the first the default); 720p like most, so channels keep their 720p rung. */
export function dubbedClip(languages: string[]): DemoClip {
  return {
    name: `Clip · Dubbed ${languages.join("/").toUpperCase()}`,
    source: "testsrc2",
    width: 1280,
    height: 720,
    voices: languages.map((language) => ({ language, tone: VOICE_TONES[language] ?? 300 })),
  };
}

const MOVIE_CLIPS = [0, 1, 2, 3];

const dubbedInto = (movie: { title: string }) => {
  const audio = demoLanguages[movie.title]?.audio;
  return audio && audio.length > 1 ? audio : undefined;
};
const dubbedClips = [...new Map(demoMovies.flatMap((movie) => (dubbedInto(movie) ? [[dubbedInto(movie)!.join(","), dubbedClip(dubbedInto(movie)!)]] : []))).values()];

/** Every clip to make: the shared ones, then one for each set of languages a movie is dubbed into. */
export const clips = [...demoClips, ...dubbedClips];

/** The index in `clips` of the clip a movie plays: its languages' when it is dubbed, else one of the first four. */
export function movieClip(index: number, movie: { title: string }): number {
  const audio = dubbedInto(movie);
  return audio ? demoClips.length + dubbedClips.findIndex((clip) => clip.name === dubbedClip(audio).name) : MOVIE_CLIPS[index % MOVIE_CLIPS.length];
}

const fonts = {
  bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  mono: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
};

const escapeText = (text: string) => text.replace(/[\\':%]/g, (c) => `\\${c}`);

function videoFilter(clip: DemoClip): string {
  // Without the fonts (a machine with no DejaVu), the pattern and tone still make a fine clip.
  if (!fs.existsSync(fonts.bold) || !fs.existsSync(fonts.mono)) return "[0:v]format=yuv420p[v]";
  const size = Math.round(clip.height / 13);
  return (
    `[0:v]drawtext=fontfile=${fonts.bold}:text='${escapeText(`NormFlix Demo · ${clip.name}`)}':fontsize=${size}` +
    `:fontcolor=white:box=1:boxcolor=black@0.5:boxborderw=${Math.round(size / 3)}:x=(w-tw)/2:y=h*0.16,` +
    `drawtext=fontfile=${fonts.mono}:text='%{pts\\:hms}':fontsize=${Math.round(size * 0.7)}:fontcolor=white` +
    `:box=1:boxcolor=black@0.5:boxborderw=12:x=(w-tw)/2:y=h*0.78,format=yuv420p[v]`
  );
}

/** Renders one clip to `outFile` (H.264/AAC MP4, quick to make; the pipeline transcodes it like any upload). */
export function renderClip(clip: DemoClip, outFile: string): Promise<void> {
  const args = [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", `${clip.source}${clip.source.includes("=") ? ":" : "="}size=${clip.width}x${clip.height}:rate=30`,
    ...clip.voices.flatMap((voice) => ["-f", "lavfi", "-i", `sine=frequency=${voice.tone}:sample_rate=48000`]),
    "-filter_complex", videoFilter(clip), "-map", "[v]",
    ...clip.voices.flatMap((_, i) => ["-map", `${i + 1}:a`]),
    "-af", "volume=0.3",
    ...clip.voices.flatMap((voice, i) => [
      `-metadata:s:a:${i}`, `language=${ISO_639_2[voice.language] ?? voice.language}`,
      `-disposition:a:${i}`, i === 0 ? "default" : "0",
    ]),
    "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-c:a", "aac", "-b:a", "128k", "-t", String(CLIP_SECONDS), outFile,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg could not render ${clip.name}: ${stderr.trim().slice(-500)}`))));
  });
}
