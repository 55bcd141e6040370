import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LongFilmFixture, PlaybackFixture } from "@/lib/playback/test-fixtures";
import { createTestDatabase, startServer, type ServerHandle } from "@/test/server-process";

// Playback over HTTP against a server started on a catalog with a real four-rung ladder on disk (360p–1080p):
// entitlement in the documented order, stream leases, plan-capped playlists and signed media URLs.

const SECRET = "playback-test-secret-0123456789abcdefghij";
let server: ServerHandle;
let fixture: PlaybackFixture;
let film: LongFilmFixture;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

beforeAll(async () => {
  // This file's own database (see test/setup-env.ts), seeded before the server opens it.
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase(process.env.TEST_DATABASE_URL);
    process.env.DATABASE_URL = database.url;
  }
  const client = await import("@/db/client");
  const { seedLongFilm, seedPlaybackFixture } = await import("@/lib/playback/test-fixtures");
  await client.openDatabase();
  fixture = await seedPlaybackFixture(path.join(process.env.DATA_DIR!, "media"));
  film = await seedLongFilm(path.join(process.env.DATA_DIR!, "media"));
  await client.closeDatabase();
  server = await startServer({
    DATA_DIR: process.env.DATA_DIR!,
    DATABASE_URL: database?.url ?? "",
    DEMO_CATALOG: "off",
    MEDIA_SIGNING_SECRET: SECRET,
    RATE_LIMIT_MULTIPLIER: "50",
    TRUST_PROXY: "true",
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

type Reply = { status: number; body: any; headers: Headers; bytes: Buffer };

async function call(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(server.url + url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const bytes = Buffer.from(await response.arrayBuffer());
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString("utf8"));
  } catch {
    body = bytes.toString("utf8");
  }
  return { status: response.status, body, headers: response.headers, bytes };
}

function expectError(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(typeof reply.body.error.message).toBe("string");
}

/** An account with a plan (or none) and one profile; returns its token. */
async function viewer(plan: "basic" | "standard" | "premium" | null, profile = "Main"): Promise<string> {
  const username = `u_${randomUUID().slice(0, 8)}`;
  const password = "correct horse battery";
  expect((await call("POST", "/api/accounts/new", { body: { username, password, email: `${username}@example.com` } })).status).toBe(200);
  const token = (await call("POST", "/api/accounts/token", { body: { username, password }, headers: { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } })).body.bearer_token;
  if (plan) {
    expect((await call("PUT", "/api/accounts/subscription", { token, body: { subscription: plan } })).status).toBe(200);
    expect((await call("POST", `/api/profiles/${profile}/new`, { token })).status).toBe(200);
  }
  return token;
}

const movieStream = (movieId: string, token: string, profile = "Main", device = `device-${randomUUID()}`) =>
  call("GET", `/api/movies/${movieId}/stream?profile=${encodeURIComponent(profile)}`, { token, headers: { "user-agent": device } });

/** The playlist's URIs (lines and URI="…" attributes). */
const urisOf = (playlist: string) =>
  playlist.split("\n").flatMap((line) => (line.startsWith("#") ? [...line.matchAll(/URI="([^"]+)"/g)].map((m) => m[1]) : line.trim() ? [line.trim()] : []));

const heightsOf = (master: string) => [...master.matchAll(/RESOLUTION=\d+x(\d+)/g)].map((m) => Number(m[1]));

/** Signs a path as nginx's secure_link_md5 "$secure_link_expires$uri <secret>" would check it (independent of the app). */
const nginxSign = (urlPath: string, expires: number) =>
  `${urlPath}?md5=${createHash("md5").update(`${expires}${urlPath} ${SECRET}`).digest("base64url")}&expires=${expires}`;

describe("starting a stream: checks in the documented order", () => {
  it("403 without a valid token, 404 for a profile the account lacks, 402 without a subscription", async () => {
    expectError(await call("GET", `/api/movies/${fixture.pgMovieId}/stream?profile=Main`), 403, "forbidden");
    expectError(await movieStream(fixture.pgMovieId, "nf_not-a-real-token"), 403, "forbidden");
    const token = await viewer(null);
    expectError(await movieStream(fixture.pgMovieId, token), 404, "profile_not_found");
    await call("PUT", "/api/accounts/subscription", { token, body: { subscription: "standard" } });
    expect((await call("POST", "/api/profiles/Main/new", { token })).status).toBe(200);
    await call("DELETE", "/api/accounts/subscription", { token });
    expectError(await movieStream(fixture.pgMovieId, token), 402, "subscription_required");
  });

  it("403 maturity_restricted for a kids profile on an R title; the same account's adult profile may watch it", async () => {
    const token = await viewer("standard");
    expect((await call("POST", "/api/profiles/Kid/new", { token })).status).toBe(200);
    expect((await call("PATCH", "/api/profiles/Kid", { token, body: { kids: true } })).status).toBe(200);
    expectError(await movieStream(fixture.rMovieId, token, "Kid"), 403, "maturity_restricted");
    expect((await movieStream(fixture.pgMovieId, token, "Kid")).status).toBe(200);
    expect((await movieStream(fixture.rMovieId, token, "Main")).status).toBe(200);
  });

  it("404 for unknown titles and profiles, 409 media_not_ready while the video is processing, 422 without a profile", async () => {
    const token = await viewer("premium");
    expectError(await movieStream(randomUUID(), token), 404, "movie_not_found");
    expectError(await movieStream(fixture.pgMovieId, token, "Nobody"), 404, "profile_not_found");
    expectError(await movieStream(fixture.pendingMovieId, token), 409, "media_not_ready");
    expectError(await call("GET", `/api/movies/${fixture.pgMovieId}/stream`, { token }), 422, "validation_failed");
    expectError(await call("GET", `/api/shows/${fixture.showId}/seasons/1/episodes/9/stream?profile=Main`, { token }), 404, "episode_not_found");
  });

  it("answers manifest, expiry, quality, subtitles, markers, resume position and next episode", async () => {
    const token = await viewer("premium");
    const target = { kind: "tv_show_watch_progress", tv_show_id: fixture.showId, tv_show_season: 1, tv_show_episode: 1 };
    expect((await call("POST", "/api/profiles/Main/progress", { token, body: { ...target, progress: 21.5 } })).status).toBe(200);
    const reply = await call("GET", `/api/shows/${fixture.showId}/seasons/1/episodes/1/stream?profile=Main`, { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      max_quality: "1080p",
      qualities: ["360p", "480p", "720p", "1080p"],
      resume_from: 21.5,
      duration_seconds: 60,
      intro: { start: 5, end: 15 },
      next: { season: 1, episode: 2 },
      subtitles: [{ language: "en", label: "English" }],
    });
    expect(reply.body.manifest_url).toMatch(new RegExp(`^/media/${fixture.assetId}/master-2160p\\.m3u8\\?md5=[\\w-]{22}&expires=\\d+$`));
    const expiresAt = Date.parse(reply.body.expires_at);
    expect(expiresAt).toBeGreaterThan(Date.now());
    expect(expiresAt).toBeLessThan(Date.now() + 3600_000);
    const subtitle = await call("GET", reply.body.subtitles[0].url);
    expect(subtitle.status).toBe(200);
    expect(subtitle.headers.get("content-type")).toContain("text/vtt");
  });
});

describe("plan-aware, signed playlists", () => {
  async function masterFor(plan: "basic" | "standard" | "premium") {
    const token = await viewer(plan);
    const stream = await movieStream(fixture.pgMovieId, token);
    expect(stream.status).toBe(200);
    const master = await call("GET", stream.body.manifest_url);
    expect(master.status).toBe(200);
    expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    return { stream: stream.body, master: master.bytes.toString("utf8") };
  }

  it("basic lists no rendition above 480p, standard none above 1080p, premium all", async () => {
    const basic = await masterFor("basic");
    expect(heightsOf(basic.master)).toEqual([360, 480]);
    expect(basic.stream.max_quality).toBe("480p");
    expect(basic.master).not.toMatch(/720p|1080p/);
    expect(heightsOf((await masterFor("standard")).master)).toEqual([360, 480, 720, 1080]);
    expect(heightsOf((await masterFor("premium")).master)).toEqual([360, 480, 720, 1080]);
  });

  it("signs every URL it hands out: variants, segments, thumbnails and sprites, served with the right types and Range", async () => {
    const { stream, master } = await masterFor("basic");
    const variants = urisOf(master);
    expect(variants).toHaveLength(2);
    for (const uri of variants) expect(uri).toMatch(/^\/media\/[\w-]+\/\d+p\/index\.m3u8\?md5=[\w-]+&expires=\d+$/);
    const variant = await call("GET", variants[1]);
    expect(variant.status).toBe(200);
    const segments = urisOf(variant.bytes.toString("utf8"));
    expect(segments).toHaveLength(10);
    for (const uri of segments) expect(uri).toMatch(/^\/media\/[\w-]+\/480p\/seg-\d{5}\.ts\?md5=[\w-]+&expires=\d+$/);
    const segment = await call("GET", segments[3]);
    expect(segment.status).toBe(200);
    expect(segment.headers.get("content-type")).toBe("video/mp2t");
    expect(segment.headers.get("cache-control")).toContain("max-age");
    expect(segment.bytes.equals(fixture.segment)).toBe(true);
    const partial = await call("GET", segments[3], { headers: { range: "bytes=188-375" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 188-375/${fixture.segment.length}`);
    expect(partial.bytes.length).toBe(188);

    const thumbnails = await call("GET", stream.thumbnails_url);
    expect(thumbnails.status).toBe(200);
    const sprite = /^(\/media\/\S+sprite-0\.jpg\?md5=[\w-]+&expires=\d+)#xywh=160,0,160,90$/m.exec(thumbnails.bytes.toString("utf8"));
    expect(sprite).not.toBeNull();
    const image = await call("GET", sprite![1]);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
  });

  it("403 on a tampered, missing or expired signature, and on a signed URL whose path was changed", async () => {
    const { stream, master } = await masterFor("basic");
    const url = new URL(stream.manifest_url, server.url);
    const md5 = url.searchParams.get("md5")!;
    const tampered = stream.manifest_url.replace(md5, `${md5[0] === "A" ? "B" : "A"}${md5.slice(1)}`);
    expectError(await call("GET", tampered), 403, "forbidden");
    expectError(await call("GET", url.pathname), 403, "forbidden");
    // Lifting the cap by renaming the signed master, or moving a signed variant URL to a higher rung, fails.
    expectError(await call("GET", stream.manifest_url.replace("master-480p", "master-2160p")), 403, "forbidden");
    expectError(await call("GET", urisOf(master)[1].replace("/480p/", "/1080p/")), 403, "forbidden");
    // Extending the expiry breaks the signature.
    const later = Number(url.searchParams.get("expires")) + 3600;
    expectError(await call("GET", stream.manifest_url.replace(/expires=\d+/, `expires=${later}`)), 403, "forbidden");

    // Correctly signed (as nginx would compute it) but expired: 403; the same path signed for the future: 200.
    const segmentPath = `/media/${fixture.assetId}/360p/seg-00000.ts`;
    const expired = await call("GET", nginxSign(segmentPath, Math.floor(Date.now() / 1000) - 5));
    expectError(expired, 403, "forbidden");
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await call("GET", nginxSign(segmentPath, Math.floor(Date.now() / 1000) + 60))).status).toBe(200);
  });

  it("gives a two-hour film's variants and segments the viewing window, not the master link's ten minutes", async () => {
    const token = await viewer("basic");
    const stream = await movieStream(film.movieId, token);
    expect(stream.status).toBe(200);
    const masterExpires = Number(new URL(stream.body.manifest_url, server.url).searchParams.get("expires"));
    expect(masterExpires * 1000).toBe(Date.parse(stream.body.expires_at));
    expect(masterExpires * 1000).toBeLessThanOrEqual(Date.now() + 600_000);
    // The stream started ten minutes before its master link expires; it may play two hours plus four of slack.
    const windowEnds = masterExpires - 600 + 2 * 3600 + 4 * 3600;

    const variants = urisOf((await call("GET", stream.body.manifest_url)).bytes.toString("utf8"));
    expect(variants).toHaveLength(2);
    const variant = await call("GET", variants[1]);
    expect(variant.status).toBe(200);
    const segments = urisOf(variant.bytes.toString("utf8"));
    expect(segments).toHaveLength(film.segmentCount);
    // Every URL the player fetches after the master is signed, as nginx checks it, until the window's end.
    for (const uri of [...variants, segments[0], segments[segments.length - 1]]) {
      expect(uri).toBe(nginxSign(new URL(uri, server.url).pathname, windowEnds));
    }
    const last = await call("GET", segments[segments.length - 1]);
    expect(last.status).toBe(200);
    expect(last.bytes.equals(film.segment)).toBe(true);
  });

  it("refuses paths that escape the asset, and 404s files that do not exist", async () => {
    const future = Math.floor(Date.now() / 1000) + 60;
    expect((await call("GET", nginxSign(`/media/${fixture.assetId}/360p/seg-99999.ts`, future))).status).toBe(404);
    expect((await call("GET", nginxSign(`/media/not-an-asset/360p/index.m3u8`, future))).status).toBe(404);
    const escaping = await fetch(`${server.url}${nginxSign(`/media/${fixture.assetId}/%2e%2e/%2e%2e/pglite/PG_VERSION`, future)}`);
    expect([403, 404]).toContain(escaping.status);
  });
});

describe("concurrent streams are leases", () => {
  it("a second stream on basic is 409 (listing the first) until the first one ends", async () => {
    const token = await viewer("basic");
    const first = await movieStream(fixture.pgMovieId, token);
    expect(first.status).toBe(200);
    const second = await movieStream(fixture.rMovieId, token);
    expectError(second, 409, "stream_limit_reached");
    expect(second.body.error.details.max_streams).toBe(1);
    expect(second.body.error.details.active_streams).toEqual([
      expect.objectContaining({ stream_id: first.body.stream_id, profile: "Main", title: "Sunny Day", type: "movie" }),
    ]);
    expect((await call("GET", "/api/streams", { token })).body.items.map((s: { stream_id: string }) => s.stream_id)).toEqual([first.body.stream_id]);

    expect((await call("DELETE", `/api/streams/${first.body.stream_id}`, { token })).status).toBe(200);
    expect((await call("DELETE", `/api/streams/${first.body.stream_id}`, { token })).status).toBe(200); // idempotent
    const third = await movieStream(fixture.rMovieId, token);
    expect(third.status).toBe(200);
    expectError(await movieStream(fixture.pgMovieId, token), 409, "stream_limit_reached");
  });

  it("standard allows two at once; premium four", async () => {
    const standard = await viewer("standard");
    expect((await movieStream(fixture.pgMovieId, standard)).status).toBe(200);
    expect((await movieStream(fixture.pgMovieId, standard)).status).toBe(200);
    expectError(await movieStream(fixture.pgMovieId, standard), 409, "stream_limit_reached");
    const premium = await viewer("premium");
    for (let i = 0; i < 4; i++) expect((await movieStream(fixture.pgMovieId, premium)).status).toBe(200);
    expectError(await movieStream(fixture.pgMovieId, premium), 409, "stream_limit_reached");
  });

  it("the same device reopening the same title (a reload) takes over its own lease instead of hitting the limit", async () => {
    const token = await viewer("basic");
    const first = await movieStream(fixture.pgMovieId, token, "Main", "TV in the den");
    const reload = await movieStream(fixture.pgMovieId, token, "Main", "TV in the den");
    expect(reload.status).toBe(200);
    expect(reload.body.stream_id).not.toBe(first.body.stream_id);
    expect((await call("GET", "/api/streams", { token })).body.items.map((s: { stream_id: string }) => s.stream_id)).toEqual([reload.body.stream_id]);
    expectError(await movieStream(fixture.rMovieId, token, "Main", "TV in the den"), 409, "stream_limit_reached");
    expectError(await movieStream(fixture.pgMovieId, token, "Main", "Phone"), 409, "stream_limit_reached");
  });

  it("only the account that owns a stream can end it", async () => {
    const owner = await viewer("basic");
    const other = await viewer("basic");
    const stream = await movieStream(fixture.pgMovieId, owner);
    expectError(await call("DELETE", `/api/streams/${stream.body.stream_id}`, { token: other }), 404, "stream_not_found");
    expectError(await call("DELETE", `/api/streams/${stream.body.stream_id}`), 403, "forbidden");
    expectError(await call("DELETE", "/api/streams/not-a-uuid", { token: owner }), 422, "validation_failed");
  });

  it("the player's progress writes renew the lease, and the next stream resumes from them", async () => {
    const token = await viewer("basic");
    const stream = await movieStream(fixture.pgMovieId, token);
    const seen = async () => Date.parse((await call("GET", "/api/streams", { token })).body.items[0].last_seen_at);
    const before = await seen();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const target = { kind: "movie_watch_progress", movie_id: fixture.pgMovieId };
    expect((await call("POST", "/api/profiles/Main/progress", { token, body: { ...target, progress: 12 } })).status).toBe(200);
    expect((await call("PUT", "/api/profiles/Main/progress", { token, body: { ...target, progress: 33 } })).status).toBe(200);
    expect(await seen()).toBeGreaterThan(before);
    await call("DELETE", `/api/streams/${stream.body.stream_id}`, { token });
    expect((await call("GET", "/api/streams", { token })).body.items).toEqual([]);
    expect((await movieStream(fixture.pgMovieId, token)).body.resume_from).toBe(33);
  });
});

describe("the signing secret", () => {
  it("is generated into DATA_DIR when MEDIA_SIGNING_SECRET is unset (not here: the env var wins)", () => {
    expect(fs.existsSync(path.join(process.env.DATA_DIR!, "media-signing-secret"))).toBe(false);
  });
});
