import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/rules";
import { useFreshDatabase } from "@/test/fresh-database";

// A profile's viewing activity against a known history: progress rows written at chosen times, folded into the
// rollups, then read back by day and hour in two time zones, by genre, by title (only what the profile may still
// see) and as completion. Runs on this file's own database (a fresh one on PostgreSQL: it adds titles).

let m: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  stats: typeof import("./profile-stats");
  accounts: typeof import("@/db/queries/accounts");
  drizzle: typeof import("drizzle-orm");
};

useFreshDatabase();

beforeAll(async () => {
  m = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    stats: await import("./profile-stats"),
    accounts: await import("@/db/queries/accounts"),
    drizzle: await import("drizzle-orm"),
  };
});

const MINUTE = 60_000;
const now = Date.now();
const ago = (minutes: number) => new Date(now - minutes * MINUTE);

async function genre(slug: string) {
  const [row] = await m.client.db().insert(m.schema.genres).values({ slug: `${slug}-${randomUUID().slice(0, 6)}`, name: slug }).returning();
  return row;
}

async function movie(name: string, rating: { maturityRating: string; maturityLevel: number }, genreId: string) {
  const [title] = await m.client.db().insert(m.schema.titles).values({ kind: "movie", title: name, year: 2024, published: true, ...rating }).returning();
  await m.client.db().insert(m.schema.titleGenres).values({ titleId: title.id, genreId });
  return title;
}

async function viewer(): Promise<Viewer> {
  const username = `st_${randomUUID().slice(0, 8)}`;
  const account = await m.accounts.insertAccount({ username, email: `${username}@example.com`, passwordHash: "x" });
  // Rated up to PG-13: an R title watched before the rating was lowered no longer shows by name.
  const [profile] = await m.client.db().insert(m.schema.profiles).values({ accountId: account.id, name: "Ana", maturityRating: "PG-13", maturityLevel: 2 }).returning();
  return { principal: { accountId: account.id } as Viewer["principal"], profile };
}

/** Writes (or moves) the profile's progress on a movie as a player would, at a chosen time. */
async function progress(profileId: string, titleId: string, at: { created: Date; updated: Date }, positionSeconds: number, watched = false) {
  const { watchProgress } = m.schema;
  await m.client
    .db()
    .insert(watchProgress)
    .values({ profileId, itemId: titleId, titleId, kind: "movie", positionSeconds, watched, clientUpdatedAt: at.updated, createdAt: at.created, updatedAt: at.updated })
    .onConflictDoUpdate({ target: [watchProgress.profileId, watchProgress.itemId], set: { positionSeconds, watched, updatedAt: at.updated, clientUpdatedAt: at.updated } });
}

const hourIn = (date: Date, timeZone: string) => Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone }).format(date));
const sum = (rows: { minutes: number }[]) => Math.round(rows.reduce((total, row) => total + row.minutes, 0) * 10) / 10;

describe("a profile's viewing activity", () => {
  it("adds up a known history by day, hour, genre and title, and counts what was finished", async () => {
    const drama = await genre("Drama");
    const comedy = await genre("Comedy");
    const thriller = await genre("Thriller");
    const a = await movie("Long Drama", { maturityRating: "PG", maturityLevel: 1 }, drama.id);
    const b = await movie("Short Comedy", { maturityRating: "PG", maturityLevel: 1 }, comedy.id);
    const c = await movie("Grown-up Thriller", { maturityRating: "R", maturityLevel: 3 }, thriller.id);
    const old = await movie("Old Favourite", { maturityRating: "G", maturityLevel: 0 }, drama.id);
    const ana = await viewer();
    const id = ana.profile.id;

    // Long Drama: 20 minutes half an hour ago, then 30 more up to now, finished.
    await progress(id, a.id, { created: ago(60), updated: ago(30) }, 1200);
    const first = await m.stats.profileStats(ana, "week", "UTC");
    expect(first.watch_minutes).toBe(20);
    await progress(id, a.id, { created: ago(60), updated: ago(0) }, 3000, true);
    // Short Comedy two days ago (10 minutes); the thriller yesterday (15); the old favourite 20 days ago (40).
    await progress(id, b.id, { created: ago(2 * 1440 + 60), updated: ago(2 * 1440) }, 600);
    await progress(id, c.id, { created: ago(1440 + 60), updated: ago(1440) }, 900);
    await progress(id, old.id, { created: ago(20 * 1440 + 60), updated: ago(20 * 1440) }, 2400, true);
    // A seek far ahead is not watching: at most the wall-clock time since the last sighting counts (plus a minute).
    const week = await m.stats.profileStats(ana, "week", "UTC");

    expect(week).toMatchObject({ profile: "Ana", timeframe: "week", time_zone: "UTC", watch_minutes: 75, titles_watched: 3 });
    expect(week.per_day).toHaveLength(7);
    expect(week.to).toBe(new Date(now).toISOString().slice(0, 10));
    expect(sum(week.per_day)).toBe(75);
    expect(week.days_active).toBeGreaterThanOrEqual(3);
    expect(week.by_hour).toHaveLength(24);
    expect(sum(week.by_hour)).toBe(75);
    expect(week.by_hour[hourIn(ago(2 * 1440), "UTC")].minutes).toBeGreaterThanOrEqual(10);
    expect(week.by_genre.map((g) => [g.name, g.minutes])).toEqual([["Drama", 50], ["Thriller", 15], ["Comedy", 10]]);
    // The thriller is above the profile's rating now: its time counts, its name is not shown.
    expect(week.top_titles.map((t) => [t.title, t.minutes])).toEqual([["Long Drama", 50], ["Short Comedy", 10]]);
    expect(week).toMatchObject({ items_started: 3, items_completed: 1, completion_rate: 0.333 });

    // The same history in Tokyo: the same total, each hour moved to Tokyo's clock.
    const tokyo = await m.stats.profileStats(ana, "week", "Asia/Tokyo");
    expect(sum(tokyo.by_hour)).toBe(sum(week.by_hour));
    expect(tokyo.by_hour[hourIn(ago(2 * 1440), "Asia/Tokyo")].minutes).toBe(week.by_hour[hourIn(ago(2 * 1440), "UTC")].minutes);
    expect(tokyo.to).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date(now)));

    // A month reaches the old favourite.
    const month = await m.stats.profileStats(ana, "month", "UTC");
    expect(month.per_day).toHaveLength(30);
    expect(month).toMatchObject({ watch_minutes: 115, titles_watched: 4, items_started: 4, items_completed: 2, completion_rate: 0.5 });
    expect(month.top_titles[0]).toMatchObject({ title: "Long Drama", type: "movie", minutes: 50 });

    // Folding again changes nothing: each minute is counted once.
    expect((await m.stats.profileStats(ana, "month", "UTC")).watch_minutes).toBe(115);
  });

  it("is empty, not missing, for a profile that watched nothing", async () => {
    const quiet = await viewer();
    const stats = await m.stats.profileStats(quiet, "year", "Europe/Madrid");
    expect(stats).toMatchObject({ watch_minutes: 0, titles_watched: 0, items_started: 0, completion_rate: null, days_active: 0, by_genre: [], top_titles: [] });
    expect(stats.per_day).toHaveLength(365);
    expect(stats.by_hour.every((h) => h.minutes === 0)).toBe(true);
  });
});
