// Playlists and the thumbnail map: measuring what ffmpeg wrote, and rendering master playlists and WebVTT.
import fs from "node:fs/promises";
import path from "node:path";
import type { AudioTrack, Rendition } from "@/db/schema/media";
import { audioGroupId, hasAlternateAudio } from "./audio-tracks";

export type SegmentStats = { segments: number; durationSeconds: number; peakBps: number; averageBps: number };

/** Reads a media playlist and its segment files: total duration, peak and average bitrate (as the HLS spec wants). */
export async function measureMediaPlaylist(playlistFile: string): Promise<SegmentStats> {
  const text = await fs.readFile(playlistFile, "utf8");
  const dir = path.dirname(playlistFile);
  const segments: { seconds: number; bytes: number }[] = [];
  let seconds: number | undefined;
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (line.startsWith("#EXTINF:")) seconds = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith("#") && seconds !== undefined) {
      segments.push({ seconds, bytes: (await fs.stat(path.join(dir, line))).size });
      seconds = undefined;
    }
  }
  if (segments.length === 0) throw new Error(`${path.basename(dir)}/${path.basename(playlistFile)} lists no segments`);
  const totalSeconds = segments.reduce((sum, s) => sum + s.seconds, 0);
  const totalBits = segments.reduce((sum, s) => sum + s.bytes * 8, 0);
  const averageBps = Math.ceil(totalBits / totalSeconds);
  // BANDWIDTH is the peak segment bitrate. A final sliver under a second (one keyframe, a few frames) would claim an
  // absurd peak and push players to lower renditions, so it only counts when it is all there is.
  const counted = segments.filter((s) => s.seconds >= 1);
  const peakBps = Math.max(averageBps, ...(counted.length ? counted : segments).map((s) => Math.ceil((s.bytes * 8) / s.seconds)));
  return { segments: segments.length, durationSeconds: totalSeconds, peakBps, averageBps };
}

/**
 * A master playlist listing `renditions`; `uri` maps each playlist path to the URL to write (default: the path).
 * With alternate audio (`audio` has a track with a playlist), every track is an `EXT-X-MEDIA TYPE=AUDIO` rendition of
 * its codec's group, the default one without a URI (it is the audio muxed into the variants), and each variant names
 * the group in AUDIO; its BANDWIDTH adds the largest alternate, which a player fetches beside it. Without, the
 * playlist is the plain one single-audio assets always had.
 */
export function renderMasterPlaylist(renditions: Rendition[], uri: (playlist: string) => string = (p) => p, audio: AudioTrack[] = []): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-INDEPENDENT-SEGMENTS"];
  const alternate = hasAlternateAudio(audio);
  const groups = alternate ? [...new Set(audio.map((t) => t.codecs))] : [];
  for (const codecs of groups) {
    for (const track of audio.filter((t) => t.codecs === codecs)) {
      lines.push(
        `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="${audioGroupId(codecs)}",LANGUAGE="${quoted(track.language)}",NAME="${quoted(track.label)}",` +
          `DEFAULT=${track.default ? "YES" : "NO"},AUTOSELECT=YES,CHANNELS="${track.channels}"${track.playlist ? `,URI="${uri(track.playlist)}"` : ""}`,
      );
    }
  }
  // Variants carry the default track's codec (AAC, today every track's), so they name its group.
  const group = alternate ? audioGroupId((audio.find((t) => t.default) ?? audio[0]).codecs) : undefined;
  const extraPeak = alternate ? Math.max(...audio.map((t) => t.bandwidth)) : 0;
  const extraAverage = alternate ? Math.max(...audio.map((t) => t.averageBandwidth)) : 0;
  for (const r of [...renditions].sort((a, b) => a.bandwidth - b.bandwidth)) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth + extraPeak},AVERAGE-BANDWIDTH=${r.averageBandwidth + extraAverage},` +
        `RESOLUTION=${r.width}x${r.height},CODECS="${r.codecs}"${group ? `,AUDIO="${group}"` : ""}`,
      uri(r.playlist),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A quoted-string attribute may not hold a double quote or a line break (RFC 8216 §4.2). */
const quoted = (value: string) => value.replace(/["\r\n]/g, "'");

export type SpriteLayout = { intervalSeconds: number; tileWidth: number; tileHeight: number; columns: number; rows: number };

export const SPRITE: SpriteLayout = { intervalSeconds: 5, tileWidth: 160, tileHeight: 90, columns: 10, rows: 10 };

export const spriteFileName = (sheet: number) => `sprite-${sheet}.jpg`;

/**
 * The WebVTT map of `tiles` thumbnails taken every interval, laid out row by row in sheets: one cue per tile,
 * pointing at it (`sprite-N.jpg#xywh=x,y,w,h`); the last cue runs to the end of the video.
 */
export function renderThumbnailsVtt(durationSeconds: number, tiles: number, layout: SpriteLayout = SPRITE): string {
  const perSheet = layout.columns * layout.rows;
  const cues = ["WEBVTT", ""];
  for (let i = 0; i < tiles; i++) {
    const start = Math.min(i * layout.intervalSeconds, durationSeconds);
    const end = i === tiles - 1 ? durationSeconds : Math.min(start + layout.intervalSeconds, durationSeconds);
    const tile = i % perSheet;
    const x = (tile % layout.columns) * layout.tileWidth;
    const y = Math.floor(tile / layout.columns) * layout.tileHeight;
    cues.push(
      `${vttTime(start)} --> ${vttTime(end)}`,
      `${spriteFileName(Math.floor(i / perSheet))}#xywh=${x},${y},${layout.tileWidth},${layout.tileHeight}`,
      "",
    );
  }
  return cues.join("\n");
}

function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}
