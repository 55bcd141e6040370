// Test fixture: a small catalog whose media asset has a four-rung ladder on disk (360p–1080p), a thumbnail map and
// English subtitles, written straight into a database and MEDIA_DIR before a server starts on them. The segment
// files are placeholders: these tests are about entitlement, playlists and signatures, not decoding.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/db/client";
import { episodes, mediaAssets, seasons, subtitles, titles, type Rendition } from "@/db/schema";

const RUNGS = [
  { name: "360p", width: 640, height: 360, bandwidth: 1_000_000 },
  { name: "480p", width: 854, height: 480, bandwidth: 1_700_000 },
  { name: "720p", width: 1280, height: 720, bandwidth: 3_300_000 },
  { name: "1080p", width: 1920, height: 1080, bandwidth: 5_800_000 },
];

function writeAssetFiles(dir: string, segmentBytes: Buffer) {
  for (const rung of RUNGS) {
    fs.mkdirSync(path.join(dir, rung.name), { recursive: true });
    const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:6", "#EXT-X-PLAYLIST-TYPE:VOD"];
    for (let i = 0; i < 10; i++) {
      lines.push("#EXTINF:6.000000,", `seg-${String(i).padStart(5, "0")}.ts`);
      fs.writeFileSync(path.join(dir, rung.name, `seg-${String(i).padStart(5, "0")}.ts`), segmentBytes);
    }
    lines.push("#EXT-X-ENDLIST");
    fs.writeFileSync(path.join(dir, rung.name, "index.m3u8"), `${lines.join("\n")}\n`);
  }
  fs.writeFileSync(
    path.join(dir, "thumbnails.vtt"),
    "WEBVTT\n\n00:00:00.000 --> 00:00:30.000\nsprite-0.jpg#xywh=0,0,160,90\n\n00:00:30.000 --> 00:01:00.000\nsprite-0.jpg#xywh=160,0,160,90\n",
  );
  fs.writeFileSync(path.join(dir, "sprite-0.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  fs.mkdirSync(path.join(dir, "subtitles"), { recursive: true });
  fs.writeFileSync(path.join(dir, "subtitles", "en.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello.\n");
}

export type PlaybackFixture = {
  assetId: string;
  /** Rated R: kids profiles may not watch it. */
  rMovieId: string;
  pgMovieId: string;
  /** Its video is still being transcoded. */
  pendingMovieId: string;
  showId: string;
  /** Bytes of every segment file. */
  segment: Buffer;
};

export async function seedPlaybackFixture(mediaDir: string): Promise<PlaybackFixture> {
  const assetId = randomUUID();
  const pendingAssetId = randomUUID();
  const segment = Buffer.alloc(4 * 188, 0x47);
  writeAssetFiles(path.join(mediaDir, "assets", assetId), segment);
  const renditions: Rendition[] = RUNGS.map((r) => ({
    ...r,
    averageBandwidth: Math.round(r.bandwidth * 0.8),
    codecs: "avc1.64001f,mp4a.40.2",
    playlist: `${r.name}/index.m3u8`,
  }));
  await db().insert(mediaAssets).values([
    {
      id: assetId,
      status: "ready",
      directory: `assets/${assetId}`,
      durationSeconds: 60,
      width: 1920,
      height: 1080,
      renditions,
      thumbnailsVtt: "thumbnails.vtt",
      introStartSeconds: 5,
      introEndSeconds: 15,
      creditsStartSeconds: 55,
    },
    { id: pendingAssetId, status: "processing", directory: `assets/${pendingAssetId}` },
  ]);
  await db().insert(subtitles).values({ assetId, language: "en", label: "English", path: "subtitles/en.vtt" });
  const movie = (title: string, rating: string, level: number, asset: string) => ({
    id: randomUUID(),
    kind: "movie" as const,
    title,
    year: 2024,
    maturityRating: rating,
    maturityLevel: level,
    runtimeSeconds: 60,
    mediaAssetId: asset,
  });
  const rMovie = movie("Night Shift", "R", 3, assetId);
  const pgMovie = movie("Sunny Day", "PG", 1, assetId);
  const pendingMovie = movie("Still Rendering", "PG", 1, pendingAssetId);
  const showId = randomUUID();
  await db().insert(titles).values([
    rMovie,
    pgMovie,
    pendingMovie,
    { id: showId, kind: "show", title: "Harbor Lights", year: 2023, maturityRating: "TV-14", maturityLevel: 2 },
  ]);
  const [season] = await db().insert(seasons).values({ showId, number: 1, title: "Season 1" }).returning();
  await db().insert(episodes).values(
    [1, 2].map((number) => ({ showId, seasonId: season.id, seasonNumber: 1, number, title: `Episode ${number}`, runtimeSeconds: 60, mediaAssetId: assetId })),
  );
  return { assetId, rMovieId: rMovie.id, pgMovieId: pgMovie.id, pendingMovieId: pendingMovie.id, showId, segment };
}

/** Two hours: far longer than a master playlist link lives (MANIFEST_TTL_SECONDS). */
export const LONG_FILM_SECONDS = 2 * 3600;

export type LongFilmFixture = { assetId: string; movieId: string; segment: Buffer; segmentCount: number };

/**
 * A two-hour PG movie on a 360p–480p ladder of 1200 six-second stand-in segments a rung (never decoded), for checking that every
 * URL the player fetches stays valid until the end of the film, long after the master link expired.
 */
export async function seedLongFilm(mediaDir: string): Promise<LongFilmFixture> {
  const assetId = randomUUID();
  const segment = Buffer.alloc(188, 0x47);
  const segmentCount = LONG_FILM_SECONDS / 6;
  const rungs = RUNGS.slice(0, 2);
  for (const rung of rungs) {
    const dir = path.join(mediaDir, "assets", assetId, rung.name);
    fs.mkdirSync(dir, { recursive: true });
    const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:6", "#EXT-X-PLAYLIST-TYPE:VOD"];
    for (let i = 0; i < segmentCount; i++) {
      const name = `seg-${String(i).padStart(5, "0")}.ts`;
      lines.push("#EXTINF:6.000000,", name);
      fs.writeFileSync(path.join(dir, name), segment);
    }
    lines.push("#EXT-X-ENDLIST");
    fs.writeFileSync(path.join(dir, "index.m3u8"), `${lines.join("\n")}\n`);
  }
  await db().insert(mediaAssets).values({
    id: assetId,
    status: "ready",
    directory: `assets/${assetId}`,
    durationSeconds: LONG_FILM_SECONDS,
    width: 854,
    height: 480,
    renditions: rungs.map((r) => ({ ...r, averageBandwidth: Math.round(r.bandwidth * 0.8), codecs: "avc1.64001e,mp4a.40.2", playlist: `${r.name}/index.m3u8` })),
  });
  const movieId = randomUUID();
  await db().insert(titles).values({
    id: movieId,
    kind: "movie",
    title: "The Long Night",
    year: 2024,
    maturityRating: "PG",
    maturityLevel: 1,
    runtimeSeconds: LONG_FILM_SECONDS,
    mediaAssetId: assetId,
  });
  return { assetId, movieId, segment, segmentCount };
}
