import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminServer } from "@/app/api/admin/test-server";
import type { LongFilmFixture, PlaybackFixture } from "@/lib/playback/test-fixtures";
import { createTestDatabase, freePort, startServer, type ServerHandle } from "@/test/server-process";
import { chooseProfileOnSite, signInToSite } from "@/test/web-session";

// Live TV over HTTP, on a catalog with ladders on disk (lib/playback/test-fixtures.ts): admin channel and schedule
// management, the guide, search, and channel streams with the title rules (plan, rating, streams) and live playlists.

let server: ServerHandle;
let fixture: PlaybackFixture;
let film: LongFilmFixture;
let episodeIds: string[];
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
// The client is loaded once DATABASE_URL is set (lib/env reads it on import).
let client: AdminServer;
let admin: string;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase(process.env.TEST_DATABASE_URL);
    process.env.DATABASE_URL = database.url;
  }
  const { withAdminClient } = await import("@/app/api/admin/test-server");
  client = withAdminClient({} as AdminServer);
  const db = await import("@/db/client");
  const { seedLongFilm, seedPlaybackFixture } = await import("@/lib/playback/test-fixtures");
  const { episodes } = await import("@/db/schema");
  const { eq, asc } = await import("drizzle-orm");
  await db.openDatabase();
  fixture = await seedPlaybackFixture(path.join(process.env.DATA_DIR!, "media"));
  film = await seedLongFilm(path.join(process.env.DATA_DIR!, "media"));
  episodeIds = (await db.db().select({ id: episodes.id }).from(episodes).where(eq(episodes.showId, fixture.showId)).orderBy(asc(episodes.number))).map((e) => e.id);
  await db.closeDatabase();
  server = await startServer({ DATA_DIR: process.env.DATA_DIR!, DATABASE_URL: database?.url ?? "", DEMO_CATALOG: "off", RATE_LIMIT_MULTIPLIER: "50", TRUST_PROXY: "true" });
  client.url = server.url;
  admin = (await client.signUp(`admin_${randomUUID().slice(0, 6)}`)).token; // the first account: the admin
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const call: AdminServer["call"] = (...args) => client.call(...args);
const asAdmin = (method: string, url: string, body?: unknown) => call(method, url, { token: admin, body });

function expectError(reply: { status: number; body: any }, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
}

async function viewer(plan: "basic" | "standard" | "premium" | null): Promise<string> {
  const { token } = await client.signUp(`v_${randomUUID().slice(0, 8)}`);
  if (plan) expect((await call("PUT", "/api/accounts/subscription", { token, body: { subscription: plan } })).status).toBe(200);
  expect((await call("POST", "/api/profiles/Main/new", { token })).status).toBe(200);
  return token;
}

const startChannel = (channelId: string, token: string, profile = "Main", device = `tv-${randomUUID()}`) =>
  call("POST", `/api/channels/${channelId}/stream`, { token, body: { profile }, headers: { "user-agent": device } });

async function createChannel(number: number, name: string, items: Array<{ type: "movie" | "episode"; id: string }>) {
  const created = await asAdmin("POST", "/api/admin/channels", { number, name, logo_url: "/icon.svg" });
  expect(created.status).toBe(201);
  const scheduled = await asAdmin("PUT", `/api/admin/channels/${created.body.id}/schedule`, { items });
  expect(scheduled.status).toBe(200);
  return scheduled.body;
}

let family: any; // PG movie (four rungs, 60 s) then the two-hour film (two rungs)
let late: any; // the R movie and an episode

describe("admin", () => {
  it("creates channels with schedules, refusing a taken number, unknown items and non-admins", async () => {
    family = await createChannel(101, "Family Loop", [
      { type: "movie", id: fixture.pgMovieId },
      { type: "movie", id: film.movieId },
    ]);
    expect(family).toMatchObject({ number: 101, name: "Family Loop", kind: "linear", logo_url: "/icon.svg" });
    expect(family.schedule).toMatchObject([
      { type: "movie", id: fixture.pgMovieId, title: "Sunny Day", duration_seconds: 60, playable: true },
      { type: "movie", id: film.movieId, playable: true },
    ]);
    late = await createChannel(102, "Late Night", [
      { type: "movie", id: fixture.rMovieId },
      { type: "episode", id: episodeIds[0] },
    ]);
    expect(late.schedule[1]).toMatchObject({ type: "episode", id: episodeIds[0], title_id: fixture.showId, title: "Harbor Lights · S1:E1 Episode 1" });

    expectError(await asAdmin("POST", "/api/admin/channels", { number: 101, name: "Again" }), 409, "channel_number_taken");
    expectError(await asAdmin("PATCH", `/api/admin/channels/${late.id}`, { number: 101 }), 409, "channel_number_taken");
    expectError(await asAdmin("POST", "/api/admin/channels", { number: 0, name: "Zero" }), 422, "validation_failed");
    expectError(await asAdmin("POST", "/api/admin/channels", { number: 5, name: "X", colour: "red" }), 422, "validation_failed");
    expectError(await asAdmin("PUT", `/api/admin/channels/${late.id}/schedule`, { items: [{ type: "movie", id: randomUUID() }] }), 422, "validation_failed");
    expectError(await asAdmin("PUT", `/api/admin/channels/${late.id}/schedule`, { items: [{ type: "episode", id: fixture.pgMovieId }] }), 422, "validation_failed");
    expectError(await asAdmin("PUT", `/api/admin/channels/${randomUUID()}/schedule`, { items: [] }), 404, "channel_not_found");
    expectError(await asAdmin("PATCH", `/api/admin/channels/${randomUUID()}`, { name: "Nope" }), 404, "channel_not_found");
    const someone = await viewer("premium");
    expectError(await call("GET", "/api/admin/channels", { token: someone }), 403, "forbidden");
    expectError(await call("POST", "/api/admin/channels", { token: someone, body: { number: 9, name: "Mine" } }), 403, "forbidden");

    const renamed = await asAdmin("PATCH", `/api/admin/channels/${late.id}`, { name: "Late Night TV" });
    expect(renamed.body).toMatchObject({ name: "Late Night TV", number: 102 });
    const listed = await asAdmin("GET", "/api/admin/channels");
    expect(listed.body.items.map((c: any) => c.number)).toEqual([101, 102]);
  });

  it("deletes a channel", async () => {
    const gone = await asAdmin("POST", "/api/admin/channels", { number: 999, name: "Short Lived" });
    expect((await asAdmin("DELETE", `/api/admin/channels/${gone.body.id}`)).status).toBe(200);
    expectError(await call("GET", `/api/channels/${gone.body.id}`), 404, "channel_not_found");
    expectError(await asAdmin("DELETE", `/api/admin/channels/${gone.body.id}`), 404, "channel_not_found");
  });
});

describe("guide", () => {
  it("lists channels with now and next, and one channel", async () => {
    const listed = await call("GET", "/api/channels");
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 2, limit: 20, offset: 0 });
    const [first] = listed.body.items;
    expect(first).toMatchObject({ type: "channel", id: family.id, number: 101, name: "Family Loop", kind: "linear", on_air: true, logo_url: "/icon.svg" });
    // The schedule started when it was saved, seconds ago: the 60 s movie is on, the film next.
    expect(first.now).toMatchObject({ title: "Sunny Day", type: "movie", title_id: fixture.pgMovieId });
    expect(first.next).toMatchObject({ type: "movie", title_id: film.movieId });
    expect(Date.parse(first.now.ends_at) - Date.parse(first.now.starts_at)).toBe(60_000);
    expect(first.next.starts_at).toBe(first.now.ends_at);
    expect((await call("GET", `/api/channels/${family.id}`)).body).toMatchObject({ id: family.id, now: { title: "Sunny Day" } });
  });

  it("answers a time range of programmes, looping", async () => {
    const start = Date.parse(family.schedule_starts_at);
    const from = new Date(start).toISOString();
    const to = new Date(start + 2 * (60 + 7200) * 1000 + 1000).toISOString();
    const reply = await call("GET", `/api/channels/${family.id}/schedule?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(5);
    expect(reply.body.items.map((p: any) => [p.title_id, Date.parse(p.starts_at) - start])).toEqual([
      [fixture.pgMovieId, 0],
      [film.movieId, 60_000],
      [fixture.pgMovieId, 7_260_000],
      [film.movieId, 7_320_000],
      [fixture.pgMovieId, 14_520_000],
    ]);
  });

  it("refuses unknown channels, unknown parameters and bad ranges", async () => {
    expectError(await call("GET", `/api/channels/${randomUUID()}`), 404, "channel_not_found");
    expectError(await call("GET", `/api/channels/${randomUUID()}/schedule`), 404, "channel_not_found");
    expectError(await call("GET", "/api/channels/not-a-uuid"), 422, "validation_failed");
    expectError(await call("GET", "/api/channels?genre=drama"), 422, "unknown_parameter");
    expectError(await call("GET", `/api/channels/${family.id}/schedule?start=now`), 422, "unknown_parameter");
    expectError(await call("GET", `/api/channels/${family.id}/schedule?from=yesterday`), 422, "validation_failed");
    const now = Date.now();
    const range = (from: number, to: number) => `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
    expectError(await call("GET", `/api/channels/${family.id}/schedule?${range(now, now - 1000)}`), 422, "validation_failed");
    expectError(await call("GET", `/api/channels/${family.id}/schedule?${range(now, now + 8 * 86_400_000)}`), 422, "validation_failed");
  });

  it("search type=channel finds channels by name and number", async () => {
    const byName = await call("GET", "/api/search?q=family%20lo&type=channel");
    expect(byName.status).toBe(200);
    expect(byName.body.items).toMatchObject([{ type: "channel", id: family.id, title: "Family Loop", number: 101 }]);
    const byNumber = await call("GET", "/api/search?q=102&type=channel");
    expect(byNumber.body.items.map((i: any) => i.id)).toEqual([late.id]);
    const mixed = await call("GET", "/api/search?q=late%20night");
    expect(mixed.body.items.map((i: any) => i.type)).toContain("channel");
  });

  it("hides from a kids profile the channels that play titles above it", async () => {
    const token = await viewer("standard");
    expect((await call("POST", "/api/profiles/Kid/new", { token })).status).toBe(200);
    expect((await call("PATCH", "/api/profiles/Kid", { token, body: { kids: true } })).status).toBe(200);
    const forKid = await call("GET", "/api/channels?profile=Kid", { token });
    expect(forKid.body.items.map((c: any) => c.id)).toEqual([family.id]);
    expectError(await call("GET", `/api/channels/${late.id}?profile=Kid`, { token }), 404, "channel_not_found");
    expect((await call("GET", "/api/search?q=late%20night&type=channel&profile=Kid", { token })).body.items).toEqual([]);
    expectError(await startChannel(late.id, token, "Kid"), 403, "maturity_restricted");
    expect((await startChannel(family.id, token, "Kid")).status).toBe(200);
  });
});

describe("channel streams", () => {
  it("refuses without a plan, for unknown channels, and without a profile", async () => {
    expectError(await startChannel(family.id, await viewer(null)), 402, "subscription_required");
    const token = await viewer("premium");
    expectError(await startChannel(randomUUID(), token), 404, "channel_not_found");
    expectError(await startChannel(family.id, token, "Nobody"), 404, "profile_not_found");
    expectError(await call("POST", `/api/channels/${family.id}/stream`, { token, body: {} }), 422, "validation_failed");
    expectError(await call("GET", `/api/channels/${family.id}/stream?profile=Main&quality=1080p`, { token }), 422, "unknown_parameter");
    expectError(await call("POST", `/api/channels/${family.id}/stream`), 403, "forbidden");
  });

  it("answers a live stream whose master lists the channel's ladder capped by the plan, and live media playlists", async () => {
    const token = await viewer("basic");
    const started = await startChannel(family.id, token);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ live: true, max_quality: "480p", qualities: ["360p", "480p"], resume_from: 0, duration_seconds: null, channel: { id: family.id } });
    const master = await call("GET", started.body.manifest_url);
    expect(master.status).toBe(200);
    expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    const variants = master.text.split("\n").filter((line) => line.startsWith("/media/"));
    expect(variants.map((v) => v.split("?")[0].split("/").pop())).toEqual(["360p.m3u8", "480p.m3u8"]);

    const media = await call("GET", variants[1]);
    expect(media.status).toBe(200);
    expect(media.text).toMatch(/^#EXTM3U\n/);
    expect(media.text).toMatch(/#EXT-X-MEDIA-SEQUENCE:\d+\n/);
    expect(media.text).toMatch(/#EXT-X-DISCONTINUITY-SEQUENCE:\d+\n/);
    expect(media.text).toContain(`#EXT-X-PROGRAM-DATE-TIME:`);
    expect(media.text).not.toContain("#EXT-X-ENDLIST");
    // Seconds after the schedule was saved, the first movie's first segments are on air, signed.
    const segments = media.text.split("\n").filter((line) => line.startsWith("/media/"));
    expect(segments[0]).toMatch(new RegExp(`^/media/${fixture.assetId}/480p/seg-00000\\.ts\\?md5=[\\w-]+&expires=\\d+$`));
    const segment = await call("GET", segments[0]);
    expect(segment.status).toBe(200);
    // A tampered or unsigned playlist URL is refused.
    expectError(await call("GET", variants[1].split("?")[0]), 403, "forbidden");
    expectError(await call("GET", variants[1].replace("480p.m3u8", "1080p.m3u8")), 403, "forbidden");
  });

  it("applies the plan's stream limit, and an ended stream gets no more playlists", async () => {
    const token = await viewer("basic"); // one stream at a time
    const first = await startChannel(family.id, token, "Main", "tv-one");
    expect(first.status).toBe(200);
    const limited = await startChannel(family.id, token, "Main", "tv-two");
    expectError(limited, 409, "stream_limit_reached");
    expect(limited.body.error.details.active_streams).toMatchObject([{ stream_id: first.body.stream_id }]);
    // The same device starting again takes over its own stream.
    expect((await startChannel(family.id, token, "Main", "tv-one")).status).toBe(200);

    const other = await viewer("standard");
    const watching = await startChannel(family.id, other);
    const variant = (await call("GET", watching.body.manifest_url)).text.split("\n").find((line) => line.startsWith("/media/"))!;
    expect((await call("GET", variant)).status).toBe(200);
    expect((await call("DELETE", `/api/streams/${watching.body.stream_id}`, { token: other })).status).toBe(200);
    expectError(await call("GET", variant), 403, "forbidden");
  });
});

describe("a channel's titles and the plan", () => {
  it("refuses a channel that plays a title no plan covers (rent only), even on a plan", async () => {
    const sold = await asAdmin("PUT", `/api/admin/titles/${film.movieId}/offers`, { access: "rent_or_buy", offers: [{ kind: "buy", price_cents: 999 }] });
    expect(sold.status).toBe(200);
    const refused = await startChannel(family.id, await viewer("premium"));
    expectError(refused, 402, "subscription_required");
    expect(refused.body.error.details).toMatchObject({ access: "rent_or_buy" });
  });
});

describe("a channel's own rating", () => {
  it("keeps an unrated live channel from a kids profile everywhere, through the API and the site, until it is rated for kids", async () => {
    const created = await asAdmin("POST", "/api/admin/channels", { number: 201, name: "Newsroom Live", kind: "live", rtmp_port: await freePort() });
    expect(created.status).toBe(201);
    expect(created.body.maturity_rating).toBeNull();
    const live = created.body;
    expectError(await asAdmin("PATCH", `/api/admin/channels/${live.id}`, { maturity_rating: "M" }), 422, "validation_failed");
    expectError(await asAdmin("POST", "/api/admin/channels", { number: 202, name: "Bad", kind: "live", maturity_rating: "X-99" }), 422, "validation_failed");
    expectError(await asAdmin("PATCH", `/api/admin/channels/${live.id}`, { maturity_rating: 3 }), 422, "validation_failed");

    const account = await client.signUp(`fam_${randomUUID().slice(0, 8)}`);
    const { token } = account;
    expect((await call("PUT", "/api/accounts/subscription", { token, body: { subscription: "standard" } })).status).toBe(200);
    expect((await call("POST", "/api/profiles/Main/new", { token })).status).toBe(200);
    expect((await call("POST", "/api/profiles/Kid/new", { token })).status).toBe(200);
    expect((await call("PATCH", "/api/profiles/Kid", { token, body: { kids: true } })).status).toBe(200);
    const kidCookie = await chooseProfileOnSite(server.url, await signInToSite(server.url, account.username, account.password), "Kid");
    const site = (url: string) => fetch(server.url + url, { headers: { cookie: kidCookie, accept: "text/html" } });
    const listed = async (profile?: string) =>
      (await call("GET", `/api/channels${profile ? `?profile=${profile}` : ""}`, { token })).body.items.find((c: any) => c.id === live.id);

    async function expectHiddenFromKid() {
      expect(await listed("Kid")).toBeUndefined();
      expectError(await call("GET", `/api/channels/${live.id}?profile=Kid`, { token }), 404, "channel_not_found");
      expectError(await call("GET", `/api/channels/${live.id}/schedule?profile=Kid`, { token }), 404, "channel_not_found");
      expect((await call("GET", "/api/search?q=newsroom&type=channel&profile=Kid", { token })).body.items).toEqual([]);
      const refused = await startChannel(live.id, token, "Kid");
      expectError(refused, 403, "maturity_restricted");
      expect(refused.text).not.toContain("Newsroom");
      // The kids profile's browser: the API with its cookie, the watch page, and the guide.
      const byCookie = await call("POST", `/api/channels/${live.id}/stream`, { headers: { cookie: kidCookie, origin: server.url }, body: { profile: "Kid" } });
      expectError(byCookie, 403, "maturity_restricted");
      const page = await site(`/watch/channel/${live.id}`);
      expect(page.status).toBe(403);
      expect(await page.text()).not.toContain("Newsroom");
      const guide = await site("/live");
      expect(guide.status).toBe(200);
      expect(await guide.text()).not.toContain("Newsroom");
    }

    // Unrated, a live channel counts as the highest rating: grown-ups see it (and get as far as its feed), kids do not.
    await expectHiddenFromKid();
    expect(await listed()).toMatchObject({ kind: "live", maturity_rating: "NC-17" });
    expect(await listed("Main")).toMatchObject({ maturity_rating: "NC-17" });
    expect((await call("GET", "/api/search?q=newsroom&type=channel&profile=Main", { token })).body.items.map((c: any) => c.id)).toEqual([live.id]);
    expectError(await startChannel(live.id, token, "Main"), 409, "channel_off_air");

    const rated = await asAdmin("PATCH", `/api/admin/channels/${live.id}`, { maturity_rating: "TV-Y7" });
    expect(rated.status).toBe(200);
    expect(rated.body.maturity_rating).toBe("TV-Y7");
    expect(await listed("Kid")).toMatchObject({ maturity_rating: "TV-Y7" });
    expect((await call("GET", `/api/channels/${live.id}?profile=Kid`, { token })).status).toBe(200);
    expect((await call("GET", "/api/search?q=newsroom&type=channel&profile=Kid", { token })).body.items.map((c: any) => c.id)).toEqual([live.id]);
    expectError(await startChannel(live.id, token, "Kid"), 409, "channel_off_air");
    expect(await (await site("/live")).text()).toContain("Newsroom Live");

    // Rated above the kids profile, or unrated again: hidden again.
    expect((await asAdmin("PATCH", `/api/admin/channels/${live.id}`, { maturity_rating: "TV-MA" })).status).toBe(200);
    await expectHiddenFromKid();
    const unrated = await asAdmin("PATCH", `/api/admin/channels/${live.id}`, { maturity_rating: null });
    expect(unrated.body.maturity_rating).toBeNull();
    await expectHiddenFromKid();
    expect(await listed()).toMatchObject({ maturity_rating: "NC-17" });
  });

  it("rates a linear channel on top of its titles: a kids profile sees it only when both allow", async () => {
    const token = await viewer("standard");
    expect((await call("POST", "/api/profiles/Kid/new", { token })).status).toBe(200);
    expect((await call("PATCH", "/api/profiles/Kid", { token, body: { kids: true } })).status).toBe(200);
    const kidSees = async () => (await call("GET", "/api/channels?profile=Kid", { token })).body.items.map((c: any) => c.id);
    expect(await kidSees()).toContain(family.id);
    expect((await call("GET", `/api/channels/${family.id}`)).body.maturity_rating).toBeNull();
    expect((await asAdmin("PATCH", `/api/admin/channels/${family.id}`, { maturity_rating: "R" })).status).toBe(200);
    expect(await kidSees()).not.toContain(family.id);
    // Rated for kids, a channel that plays a title above them stays hidden: its titles decide too.
    expect((await asAdmin("PATCH", `/api/admin/channels/${late.id}`, { maturity_rating: "G" })).status).toBe(200);
    expect(await kidSees()).not.toContain(late.id);
    expect((await asAdmin("PATCH", `/api/admin/channels/${family.id}`, { maturity_rating: null })).status).toBe(200);
    expect(await kidSees()).toContain(family.id);
  });
});
