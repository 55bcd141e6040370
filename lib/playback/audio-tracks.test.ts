import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/rules";
import { useFreshDatabase } from "@/test/fresh-database";

// A title transcoded from a source with two audio languages, through playback: the stream start names its tracks and
// picks one for the profile (its remembered choice, else its language), the signed master lists them as an audio
// group whose playlists are signed too; and on a linear channel, beside a single-audio title, it plays its default
// language muxed into the video (the channel has no audio group). Real ffmpeg, this run's database.

let modules: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  streams: typeof import("./streams");
  media: typeof import("./media");
  preferences: typeof import("@/lib/profiles/preferences");
  channels: typeof import("@/lib/channels/admin");
  live: typeof import("@/lib/channels/live-stream");
  ffmpeg: typeof import("@/lib/media/ffmpeg");
};
const work = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-audio-"));
let bilingualId: string;
let englishId: string;

useFreshDatabase();

/** Transcodes a generated source into MEDIA_DIR and records it as a ready asset of a new PG movie. */
async function movieFrom(title: string, audio: { frequency: number; language: string; default?: boolean }[]) {
  const { makeTestVideo } = await import("@/lib/media/test-video");
  const { transcode } = await import("@/lib/media/transcode");
  const { mediaDir } = await import("@/lib/env");
  const { db } = modules.client;
  const { mediaAssets, titles } = modules.schema;
  const source = await makeTestVideo(path.join(work, `${randomUUID()}.mp4`), { width: 640, height: 360, seconds: 7, audio });
  const assetId = randomUUID();
  const result = await transcode(source, path.join(mediaDir, "assets", assetId), { preset: "ultrafast" });
  await db().insert(mediaAssets).values({
    id: assetId,
    status: "ready",
    directory: `assets/${assetId}`,
    durationSeconds: result.durationSeconds,
    width: result.width,
    height: result.height,
    renditions: result.renditions,
    audioTracks: result.audioTracks,
    thumbnailsVtt: result.thumbnailsVtt,
  });
  const [movie] = await db()
    .insert(titles)
    .values({ kind: "movie", title, year: 2025, maturityRating: "PG", maturityLevel: 1, runtimeSeconds: 7, mediaAssetId: assetId, audioLanguages: audio.map((a) => a.language) })
    .returning();
  return movie.id;
}

async function premiumViewer(language: string | null = null): Promise<Viewer> {
  const { db } = modules.client;
  const { accounts, subscriptions, profiles } = modules.schema;
  const username = `audio_${randomUUID().slice(0, 8)}`;
  const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
  await db().insert(subscriptions).values({ accountId: account.id, plan: "premium", status: "active", provider: "local" });
  const [profile] = await db().insert(profiles).values({ accountId: account.id, name: "Main", language }).returning();
  return { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" }, profile };
}

/** GETs a signed /media URL through the embedded media route. */
async function fetchMedia(url: string) {
  const response = await modules.media.serveMedia(new Request(`http://normflix.test${url}`), new URL(url, "http://x").pathname.split("/").slice(2));
  return { status: response.status, text: await response.text() };
}

const uris = (playlist: string) => playlist.split("\n").filter((line) => line && !line.startsWith("#"));

beforeAll(async () => {
  modules = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    streams: await import("./streams"),
    media: await import("./media"),
    preferences: await import("@/lib/profiles/preferences"),
    channels: await import("@/lib/channels/admin"),
    live: await import("@/lib/channels/live-stream"),
    ffmpeg: await import("@/lib/media/ffmpeg"),
  };
  bilingualId = await movieFrom("Dos Voces", [
    { frequency: 880, language: "spa", default: true },
    { frequency: 440, language: "eng" },
  ]);
  englishId = await movieFrom("One Voice", [{ frequency: 440, language: "eng" }]);
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("a title with two audio languages", () => {
  it("starts in the profile's language, lists both tracks as a signed audio group, and remembers the profile's choice", async () => {
    const viewer = await premiumViewer("en");
    const item = { kind: "movie" as const, movieId: bilingualId };
    const first = await modules.streams.startStream(viewer, item, {});
    expect(first).toMatchObject({
      audio_tracks: [
        { language: "es", label: "Español", default: true },
        { language: "en", label: "English", default: false },
      ],
      audio_language: "en",
      subtitle_language: null,
    });

    const master = await fetchMedia(first.manifest_url);
    expect(master.status).toBe(200);
    const media = master.text.split("\n").filter((line) => line.startsWith("#EXT-X-MEDIA:"));
    expect(media).toHaveLength(2);
    expect(media[0]).toBe('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",LANGUAGE="es",NAME="Español",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2"');
    const english = /URI="([^"]+)"/.exec(media[1])![1];
    expect(media[1]).toMatch(/LANGUAGE="en",NAME="English",DEFAULT=NO/);
    expect(master.text.match(/^#EXT-X-STREAM-INF:.*AUDIO="aac"$/gm)).toHaveLength(1);
    // The audio playlist is signed, and so is every segment it lists.
    const audioPlaylist = await fetchMedia(english);
    expect(audioPlaylist.status).toBe(200);
    expect(uris(audioPlaylist.text).length).toBeGreaterThan(0);
    for (const segment of uris(audioPlaylist.text)) expect(segment).toMatch(/\/audio-1\/seg-\d+\.ts\?md5=[\w-]{22}&expires=\d+$/);
    const tampered = english.replace(/md5=[\w-]+/, "md5=AAAAAAAAAAAAAAAAAAAAAA");
    expect((await fetchMedia(tampered)).status).toBe(403);

    // The choice made in the player is the profile's from then on; one the title lacks falls back to its language.
    await modules.streams.stopStream(viewer.principal, first.stream_id);
    const remembered = await modules.preferences.rememberAudioLanguage(viewer, "es");
    expect(remembered).toEqual({ language: "en", audio_language: "es" });
    const reloaded = { ...viewer, profile: { ...viewer.profile, audioLanguage: "es" } };
    const second = await modules.streams.startStream(reloaded, item, {});
    expect(second).toMatchObject({ audio_language: "es" });
    await modules.streams.stopStream(viewer.principal, second.stream_id);
    expect(await modules.preferences.getPreferences(reloaded)).toEqual({ language: "en", audio_language: "es" });

    // A single-audio title: its one track, no audio group in the master.
    const plain = await modules.streams.startStream(reloaded, { kind: "movie", movieId: englishId }, {});
    expect(plain).toMatchObject({ audio_tracks: [{ language: "en", label: "English", default: true }], audio_language: "en", subtitle_language: null });
    expect((await fetchMedia(plain.manifest_url)).text).not.toContain("#EXT-X-MEDIA");
    await modules.streams.stopStream(viewer.principal, plain.stream_id);
  });

  it("plays on a linear channel in its default language, muxed into the video, beside a single-audio title", async () => {
    const admin = { accountId: randomUUID(), sessionId: randomUUID(), username: "admin", role: "admin" as const };
    const channel = await modules.channels.createChannel(admin, { number: 77, name: "Two Tongues", kind: "linear" });
    await modules.channels.setSchedule(admin, channel.id, [
      { type: "movie", id: bilingualId },
      { type: "movie", id: englishId },
    ]);
    const viewer = await premiumViewer("en");
    const started = await modules.live.startChannelStream(viewer, channel.id, {});
    expect(started).toMatchObject({ live: true, audio_tracks: [], audio_language: null });
    const master = await fetchMedia(started.manifest_url);
    expect(master.status).toBe(200);
    expect(master.text).not.toContain("#EXT-X-MEDIA");
    expect(master.text).toMatch(/CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"\n/);
    const variant = await fetchMedia(uris(master.text)[0]);
    expect(variant.status).toBe(200);
    // The programme on air is the bilingual one (the loop started now): its segments carry picture and its Spanish.
    const segment = uris(variant.text)[0];
    expect(segment).toContain(`/360p/seg-`);
    const { mediaDir } = await import("@/lib/env");
    const file = path.join(mediaDir, "assets", new URL(segment, "http://x").pathname.split("/").slice(2).join("/"));
    const { stdout } = await modules.ffmpeg.runTool(modules.ffmpeg.ffprobePath(), ["-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", file]);
    expect([...new Set(stdout.split("\n").filter(Boolean))]).toEqual(["video", "audio"]);
    const { measureTone } = await import("@/lib/media/test-video");
    expect(await measureTone(file)).toBeCloseTo(880, -1);
    await modules.streams.stopStream(viewer.principal, started.stream_id);
  });
});
