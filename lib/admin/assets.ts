import "server-only";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { attachSubtitle, getAsset, getSubtitles, listJobs, setMarkers } from "@/lib/media/assets";
import { requireAdmin } from "./guard";

// A video as its editor sees it: transcode state, markers, subtitle tracks.

export async function describeAsset(principal: Principal | undefined, assetId: string) {
  requireAdmin(principal);
  const asset = await getAsset(assetId);
  if (!asset) throw new ApiError("not_found", `No media asset ${assetId}.`);
  const [subtitles, jobs] = await Promise.all([getSubtitles(assetId), listJobs({ assetId, limit: 1 })]);
  return {
    id: asset.id,
    status: asset.status,
    error: asset.error,
    duration_seconds: asset.durationSeconds,
    width: asset.width,
    height: asset.height,
    qualities: asset.renditions.map((r) => r.name),
    intro_start_seconds: asset.introStartSeconds,
    intro_end_seconds: asset.introEndSeconds,
    credits_start_seconds: asset.creditsStartSeconds,
    subtitles: subtitles.map((s) => ({ language: s.language, label: s.label })),
    latest_job_id: jobs[0]?.id ?? null,
  };
}

export async function updateMarkers(
  principal: Principal | undefined,
  assetId: string,
  markers: { intro_start_seconds?: number; intro_end_seconds?: number; credits_start_seconds?: number },
) {
  requireAdmin(principal);
  const asset = await getAsset(assetId);
  const duration = asset?.durationSeconds;
  for (const [name, value] of Object.entries(markers)) {
    if (duration != null && value !== undefined && value > duration) {
      throw new ApiError("validation_failed", `${name} is past the end of the video (${Math.floor(duration)} s).`);
    }
  }
  await setMarkers(assetId, {
    introStartSeconds: markers.intro_start_seconds,
    introEndSeconds: markers.intro_end_seconds,
    creditsStartSeconds: markers.credits_start_seconds,
  });
  return describeAsset(principal, assetId);
}

/** Adds or replaces the WebVTT track for a language; the text is checked to be WebVTT, cue by cue. */
export async function uploadSubtitle(principal: Principal | undefined, assetId: string, language: string, track: { label: string; vtt: string }) {
  requireAdmin(principal);
  const problem = webVttProblem(track.vtt);
  if (problem) throw new ApiError("validation_failed", `Not valid WebVTT: ${problem}`);
  await attachSubtitle(assetId, { language, label: track.label, vtt: track.vtt });
  return describeAsset(principal, assetId);
}

const TIMESTAMP = String.raw`(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}`;
const TIMING = new RegExp(`^(${TIMESTAMP})[ \\t]+-->[ \\t]+(${TIMESTAMP})(?:[ \\t].*)?$`);

const seconds = (stamp: string) => stamp.split(":").reduce((total, part) => total * 60 + Number(part), 0);

/** The first thing wrong with a WebVTT file (header, cue timings), or undefined when it is well formed. */
export function webVttProblem(vtt: string): string | undefined {
  const lines = vtt.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:$|[ \t])/.test(lines[0] ?? "")) return 'the file must start with "WEBVTT".';
  let cues = 0;
  for (const [index, line] of lines.entries()) {
    if (!line.includes("-->")) continue;
    const match = TIMING.exec(line.trim());
    if (!match) return `line ${index + 1}: "${line.slice(0, 60)}" is not a cue timing (00:00:01.000 --> 00:00:02.500).`;
    if (seconds(match[2]) <= seconds(match[1])) return `line ${index + 1}: a cue must end after it starts.`;
    cues++;
  }
  if (cues === 0) return "it has no cues.";
  return undefined;
}
