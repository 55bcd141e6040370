import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/rules";
import type { PlaybackFixture } from "@/lib/playback/test-fixtures";
import { useFreshDatabase } from "@/test/fresh-database";

// Kids profiles and kids controls through the services (lib/access/kids.ts, kids-controls.ts): where a new kids
// profile starts, blocked genres gone from every list and refused at stream start, and the daily viewing time that
// refuses the next stream start and progress writes once used. Its own database: it adds titles and genres.

let m: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  drizzle: typeof import("drizzle-orm");
  streams: typeof import("@/lib/playback/streams");
  profiles: typeof import("@/lib/profiles/profiles");
  progress: typeof import("@/lib/profiles/progress");
  catalog: typeof import("@/lib/catalog/catalog");
  search: typeof import("@/lib/catalog/search");
  lists: typeof import("@/lib/profiles/lists");
  controls: typeof import("@/lib/access/kids-controls");
};
let fixture: PlaybackFixture;
let scaryId: string;
let cartoonId: string;
const horror = `horror-${randomUUID().slice(0, 6)}`;

useFreshDatabase();

beforeAll(async () => {
  m = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    drizzle: await import("drizzle-orm"),
    streams: await import("@/lib/playback/streams"),
    profiles: await import("@/lib/profiles/profiles"),
    progress: await import("@/lib/profiles/progress"),
    catalog: await import("@/lib/catalog/catalog"),
    search: await import("@/lib/catalog/search"),
    lists: await import("@/lib/profiles/lists"),
    controls: await import("@/lib/access/kids-controls"),
  };
  const { mediaDir } = await import("@/lib/env");
  fixture = await (await import("@/lib/playback/test-fixtures")).seedPlaybackFixture(mediaDir);
  const { db } = m.client;
  const { genres, titleGenres, titles } = m.schema;
  const [spooky, fun] = await db()
    .insert(genres)
    .values([
      { slug: horror, name: "Spooky" },
      { slug: `fun-${randomUUID().slice(0, 6)}`, name: "Fun" },
    ])
    .returning();
  const movie = (title: string) => ({ kind: "movie" as const, title, year: 2026, maturityRating: "G", maturityLevel: 0, mediaAssetId: fixture.assetId, popularity: 1000 });
  const [scary, cartoon] = await db().insert(titles).values([movie("Zzyzx Ghost Pals"), movie("Zzyzx Sunny Puppets")]).returning();
  await db().insert(titleGenres).values([
    { titleId: scary.id, genreId: spooky.id },
    { titleId: scary.id, genreId: fun.id },
    { titleId: cartoon.id, genreId: fun.id },
  ]);
  scaryId = scary.id;
  cartoonId = cartoon.id;
});

async function member(): Promise<Viewer["principal"]> {
  const { db } = m.client;
  const { accounts, subscriptions } = m.schema;
  const username = `kids_${randomUUID().slice(0, 8)}`;
  const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
  await db().insert(subscriptions).values({ accountId: account.id, plan: "premium", status: "active", provider: "local" });
  return { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" };
}

/** The profile as the services see it after a change (a Viewer is loaded once per request). */
async function viewerOf(principal: Viewer["principal"], name: string): Promise<Viewer> {
  return { principal, profile: await m.profiles.requireProfile(principal, name) };
}

const start = (viewer: Viewer, movieId: string) => m.streams.startStream(viewer, { kind: "movie", movieId }, { userAgent: `tv-${randomUUID()}` });
const write = (viewer: Viewer, movieId: string) => m.progress.createProgress(viewer, { kind: "movie_watch_progress", movie_id: movieId }, { progress: 5 });

describe("a new kids profile", () => {
  it("starts at the kids rating (TV-Y7 and below) unless the parent chooses more, up to PG-13", async () => {
    const principal = await member();
    await m.profiles.createProfile(principal, "Pip");
    expect(await m.profiles.changeProfileSettings(principal, "Pip", { kids: true })).toMatchObject({ kids: true, maturity_rating: "TV-Y7" });
    const kid = await viewerOf(principal, "Pip");
    expect(kid.profile.maturityLevel).toBe(1);
    // It sees G and PG titles, not PG-13 or R ones.
    const { items } = await m.catalog.browseTitles(m.catalog.titleFilter("movie", {}, kid.profile), "popular", { limit: 100, offset: 0 });
    const ratings = new Set(items.map((item) => item.maturity_rating));
    expect(ratings.has("G") && ratings.has("PG")).toBe(true);
    expect([...ratings].some((rating) => ["PG-13", "R", "NC-17"].includes(rating))).toBe(false);
    await expect(start(kid, fixture.rMovieId)).rejects.toMatchObject({ code: "maturity_restricted", status: 403 });

    await m.profiles.createProfile(principal, "Teen");
    expect(await m.profiles.changeProfileSettings(principal, "Teen", { kids: true, maturity_rating: "PG-13" })).toMatchObject({ maturity_rating: "PG-13" });
    await expect(m.profiles.changeProfileSettings(principal, "Teen", { maturity_rating: "R" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("blocked genres", () => {
  it("hide the genre's titles from lists, search and title reads, and refuse their streams and progress", async () => {
    const principal = await member();
    await m.profiles.createProfile(principal, "Kit");
    await expect(m.profiles.changeProfileSettings(principal, "Kit", { blocked_genres: ["no-such-genre"] })).rejects.toMatchObject({
      code: "validation_failed",
      status: 422,
    });
    const before = await viewerOf(principal, "Kit");
    // Watched before the block: it was on its lists.
    await write(before, scaryId);
    expect((await m.lists.getContinueWatching(before, 20)).items.map((item) => item.id)).toContain(scaryId);

    expect(await m.profiles.changeProfileSettings(principal, "Kit", { kids: true, blocked_genres: [horror, horror] })).toMatchObject({ blocked_genres: [horror] });
    const kid = await viewerOf(principal, "Kit");
    const listed = await m.catalog.browseTitles(m.catalog.titleFilter("movie", {}, kid.profile), "popular", { limit: 100, offset: 0 });
    expect(listed.items.map((item) => item.id)).not.toContain(scaryId);
    expect(listed.items.map((item) => item.id)).toContain(cartoonId);
    const found = await m.search.search("Zzyzx", { audience: kid.profile, limit: 20 });
    expect(JSON.stringify(found)).not.toContain(scaryId);
    expect(JSON.stringify(found)).toContain(cartoonId);
    await expect(m.catalog.getMovie(scaryId, kid.profile)).rejects.toMatchObject({ status: 404 });
    expect((await m.lists.getContinueWatching(kid, 20)).items.map((item) => item.id)).not.toContain(scaryId);
    await expect(start(kid, scaryId)).rejects.toMatchObject({ code: "genre_blocked", status: 403 });
    await expect(write(kid, scaryId)).rejects.toMatchObject({ code: "movie_not_found" });
    expect((await start(kid, cartoonId)).stream_id).toBeTruthy();

    // Unblocked again: back everywhere.
    await m.profiles.changeProfileSettings(principal, "Kit", { blocked_genres: [] });
    const after = await viewerOf(principal, "Kit");
    expect((await m.catalog.getMovie(scaryId, after.profile)).id).toBe(scaryId);
  });
});

describe("the daily viewing limit", () => {
  async function watched(viewer: Viewer, streamId: string, from: Date, to: Date) {
    const { streams } = m.schema;
    await m.client.db().update(streams).set({ startedAt: from, lastSeenAt: to }).where(m.drizzle.eq(streams.id, streamId));
    void viewer;
  }

  it("refuses the next stream start and progress writes once the day's minutes are used, saying when it resets", async () => {
    const principal = await member();
    await m.profiles.createProfile(principal, "Ava");
    expect(await m.profiles.changeProfileSettings(principal, "Ava", { kids: true, daily_limit_minutes: 30 })).toMatchObject({ daily_limit_minutes: 30 });
    const kid = await viewerOf(principal, "Ava");
    const first = await start(kid, cartoonId);
    await write(kid, cartoonId);
    // 20 minutes so far: still playing.
    const now = Date.now();
    await watched(kid, first.stream_id, new Date(now - 20 * 60_000), new Date(now));
    const second = await start(kid, fixture.pgMovieId);
    // Then 11 more: 31 minutes, over the limit.
    await watched(kid, second.stream_id, new Date(now - 11 * 60_000), new Date(now));
    const refused = await start(kid, cartoonId).catch((error) => error);
    expect(refused).toMatchObject({ code: "viewing_limit_reached", status: 403 });
    expect(refused.message).toMatch(/today/);
    const details = refused.details as { daily_limit_minutes: number; used_minutes: number; resets_at: string; time_zone: string };
    expect(details).toMatchObject({ daily_limit_minutes: 30, used_minutes: 31, time_zone: "UTC" });
    expect(details.resets_at).toBe(new Date(Math.floor(now / 86_400_000 + 1) * 86_400_000).toISOString());
    await expect(m.progress.setProgress(kid, { kind: "movie_watch_progress", movie_id: cartoonId }, { progress: 60 })).rejects.toMatchObject({
      code: "viewing_limit_reached",
    });
    // Reading progress is not watching.
    expect(await m.progress.getProgress(kid, { kind: "movie_watch_progress", movie_id: cartoonId })).toMatchObject({ progress: 5 });

    // A grown-up raises the limit: it plays again.
    await m.profiles.changeProfileSettings(principal, "Ava", { daily_limit_minutes: 60 });
    expect((await start(await viewerOf(principal, "Ava"), cartoonId)).stream_id).toBeTruthy();
    await m.profiles.changeProfileSettings(principal, "Ava", { daily_limit_minutes: null });
    expect((await viewerOf(principal, "Ava")).profile.dailyLimitMinutes).toBeNull();
  });

  it("counts only today in the account's time zone: yesterday's viewing does not use today's minutes", async () => {
    const principal = await member();
    const zone = "Pacific/Kiritimati"; // UTC+14: its day starts at a different instant from UTC's.
    await m.client.db().insert(m.schema.notificationSettings).values({ accountId: principal.accountId, timeZone: zone });
    await m.profiles.createProfile(principal, "Bo");
    await m.profiles.changeProfileSettings(principal, "Bo", { daily_limit_minutes: 10 });
    const kid = await viewerOf(principal, "Bo");
    const dayStart = m.controls.startOfDay(new Date(), zone);
    const local = new Intl.DateTimeFormat("en-CA", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(dayStart);
    expect(local).toBe("00:00");
    const stream = await start(kid, cartoonId);
    // Two hours of viewing that ended a minute before the local midnight.
    await watched(kid, stream.stream_id, new Date(dayStart.getTime() - 121 * 60_000), new Date(dayStart.getTime() - 60_000));
    expect((await m.controls.viewingToday(kid)).usedSeconds).toBe(0);
    expect((await start(kid, cartoonId)).stream_id).toBeTruthy();
    const today = await m.controls.viewingToday(kid);
    expect(today.timeZone).toBe(zone);
    expect(today.resetsAt.getTime() - dayStart.getTime()).toBe(86_400_000);
  });
});
