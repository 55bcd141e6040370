// Discovery on real viewing, at the service level (where time can be moved): trending follows stream starts and watch
// time, recent viewing outweighs an old hit, a newly published title can trend, and everything stays within what the
// profile may see; "more like this" from genres, people and co-watching; history filters and removal.
// Runs on this file's own database (a fresh one on PostgreSQL: it adds titles).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/rules";
import { useFreshDatabase } from "@/test/fresh-database";

let m: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  drizzle: typeof import("drizzle-orm");
  streams: typeof import("@/lib/playback/streams");
  progress: typeof import("@/lib/profiles/progress");
  lists: typeof import("@/lib/profiles/lists");
  trending: typeof import("./trending");
  trendingQueries: typeof import("@/db/queries/trending");
  similar: typeof import("./similar");
  catalog: typeof import("./catalog");
  search: typeof import("./search");
  searchQueries: typeof import("@/db/queries/search");
};
let assetId: string;

useFreshDatabase();

beforeAll(async () => {
  m = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    drizzle: await import("drizzle-orm"),
    streams: await import("@/lib/playback/streams"),
    progress: await import("@/lib/profiles/progress"),
    lists: await import("@/lib/profiles/lists"),
    trending: await import("./trending"),
    trendingQueries: await import("@/db/queries/trending"),
    similar: await import("./similar"),
    catalog: await import("./catalog"),
    search: await import("./search"),
    searchQueries: await import("@/db/queries/search"),
  };
  const { mediaDir } = await import("@/lib/env");
  assetId = (await (await import("@/lib/playback/test-fixtures")).seedPlaybackFixture(mediaDir)).assetId;
});

const RATINGS = { G: 0, PG: 1, "PG-13": 2, R: 3 } as const;

async function genre(slug: string): Promise<string> {
  const { db } = m.client;
  const [row] = await db().insert(m.schema.genres).values({ slug, name: slug }).onConflictDoUpdate({ target: m.schema.genres.slug, set: { name: slug } }).returning();
  return row.id;
}

/** A movie (playable: the fixture's ready video, unless `runtime` asks for a long one without video). */
async function movie(
  title: string,
  options: { rating?: keyof typeof RATINGS; genres?: string[]; people?: string[]; published?: boolean; runtime?: number } = {},
) {
  const { db } = m.client;
  const { titles, titleGenres, credits, people } = m.schema;
  const rating = options.rating ?? "PG";
  const [row] = await db()
    .insert(titles)
    .values({
      kind: "movie",
      title,
      year: 2024,
      maturityRating: rating,
      maturityLevel: RATINGS[rating],
      runtimeSeconds: options.runtime ?? 60,
      mediaAssetId: options.runtime ? null : assetId,
      published: options.published ?? true,
    })
    .returning();
  for (const slug of options.genres ?? []) await db().insert(titleGenres).values({ titleId: row.id, genreId: await genre(slug) });
  for (const personId of options.people ?? []) await db().insert(credits).values({ titleId: row.id, personId, role: "cast" });
  void people;
  return row.id;
}

async function person(name: string) {
  const [row] = await m.client.db().insert(m.schema.people).values({ name }).returning();
  return row.id;
}

async function viewer(options: { kids?: boolean } = {}): Promise<Viewer> {
  const { db } = m.client;
  const { accounts, subscriptions, profiles } = m.schema;
  const username = `disc_${randomUUID().slice(0, 8)}`;
  const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
  await db().insert(subscriptions).values({ accountId: account.id, plan: "premium", status: "active", provider: "local" });
  const [profile] = await db()
    .insert(profiles)
    .values({ accountId: account.id, name: "Main", kids: options.kids ?? false, maturityRating: options.kids ? "PG" : "NC-17", maturityLevel: options.kids ? 1 : 4 })
    .returning();
  return { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" }, profile };
}

/** A stream start of the movie by a new viewer of its own (a plan allows only so many at once). */
async function start(movieId: string) {
  await m.streams.startStream(await viewer(), { kind: "movie", movieId }, { userAgent: "test" });
}

/** `seconds` of the movie watched by `who`: a first write at 0, the clock moved on, then the player's write. */
async function watch(who: Viewer, movieId: string, seconds: number) {
  const { db } = m.client;
  const { eq, sql, and } = m.drizzle;
  const { watchProgress } = m.schema;
  const target = { kind: "movie_watch_progress" as const, movie_id: movieId };
  await m.progress.createProgress(who, target, { progress: 0 });
  await db()
    .update(watchProgress)
    .set({ updatedAt: sql`now() - make_interval(secs => ${seconds + 30})`, clientUpdatedAt: sql`now() - make_interval(secs => ${seconds + 30})` })
    .where(and(eq(watchProgress.profileId, who.profile.id), eq(watchProgress.itemId, movieId)));
  return m.progress.setProgress(who, target, { progress: seconds });
}

async function trendingIds(timeframe: "day" | "week" | "month", audience?: { maturityLevel: number }, limit = 100) {
  const page = await m.trending.browseTrending({ audience }, timeframe, { limit, offset: 0 });
  return page.items.map((item) => item.id);
}

async function trendRow(titleId: string) {
  const { eq } = m.drizzle;
  const [row] = await m.client.db().select().from(m.schema.titleTrending).where(eq(m.schema.titleTrending.titleId, titleId));
  return row;
}

/** Moves the title's viewing `hours` into the past (its streams and progress), then rebuilds the scores from them. */
async function age(titleId: string, hours: number) {
  const { db } = m.client;
  const { eq, sql } = m.drizzle;
  const { streams, watchProgress } = m.schema;
  await db().update(streams).set({ startedAt: sql`${streams.startedAt} - make_interval(hours => ${hours})` }).where(eq(streams.titleId, titleId));
  await db().update(watchProgress).set({ updatedAt: sql`${watchProgress.updatedAt} - make_interval(hours => ${hours})` }).where(eq(watchProgress.titleId, titleId));
  await m.trendingQueries.rebuildTrending();
  // Scores rewritten behind the catalog cache's back (viewing is not announced: lib/catalog/cache.ts).
  (await import("./cache")).forgetViewing();
}

describe("trending", () => {
  it("ranks what was watched most in the window first, counting stream starts and watch time, and lists nothing unwatched", async () => {
    const starts = await movie("Two Starts");
    const longWatch = await movie("Long Watch", { runtime: 7200 });
    const unwatched = await movie("Nobody Watched");
    await start(starts);
    await start(starts);
    const ada = await viewer();
    // Half an hour watched weighs 3 starts (one per 10 minutes).
    expect((await watch(ada, longWatch, 1800)).applied).toBe(true);
    expect((await trendRow(longWatch)).watchSeconds).toBeCloseTo(1800, 0);
    // A seek far ahead right after is not watching: at most twice the time since the previous write.
    await m.progress.setProgress(ada, { kind: "movie_watch_progress", movie_id: longWatch }, { progress: 6000 });
    expect((await trendRow(longWatch)).watchSeconds).toBeLessThan(1810);

    const week = await trendingIds("week");
    expect(week.indexOf(longWatch)).toBeLessThan(week.indexOf(starts));
    expect(week).toContain(starts);
    expect(week).not.toContain(unwatched);
    expect((await trendRow(starts)).starts).toBe(2);

    await start(starts);
    await start(starts);
    const again = await trendingIds("week");
    expect(again.indexOf(starts)).toBeLessThan(again.indexOf(longWatch));
  });

  it("lets a recent title overtake an old hit, and drops what was not watched within the window", async () => {
    const oldHit = await movie("Old Hit");
    const recent = await movie("Recent One");
    for (let i = 0; i < 10; i++) await start(oldHit);
    await start(recent);
    await start(recent);
    const before = await trendingIds("week");
    expect(before.indexOf(oldHit)).toBeLessThan(before.indexOf(recent));

    // The rebuild from the stored viewing agrees with the scores the events kept.
    const kept = await trendRow(oldHit);
    await m.trendingQueries.rebuildTrending();
    const rebuilt = await trendRow(oldHit);
    expect(rebuilt.starts).toBe(kept.starts);
    expect(rebuilt.weekScore).toBeCloseTo(kept.weekScore, 2);

    // Five days later: 10 starts then weigh 10·2^(-120/42) ≈ 1.4 in the week, less than 2 starts now.
    await age(oldHit, 120);
    const week = await trendingIds("week");
    expect(week.indexOf(recent)).toBeLessThan(week.indexOf(oldHit));
    expect(week).toContain(oldHit);
    // Over a month the old hit still leads (10·2^(-120/180) ≈ 6.3); over a day it is gone.
    const month = await trendingIds("month");
    expect(month.indexOf(oldHit)).toBeLessThan(month.indexOf(recent));
    expect(await trendingIds("day")).not.toContain(oldHit);
    expect(await trendingIds("day")).toContain(recent);
  });

  it("lets a new title trend once it is published, and only within what the profile may see", async () => {
    const draft = await movie("Fresh From The Studio", { published: false });
    await expect(start(draft)).rejects.toMatchObject({ code: "movie_not_found" });
    await m.client.db().update(m.schema.titles).set({ published: true }).where(m.drizzle.eq(m.schema.titles.id, draft));
    for (let i = 0; i < 25; i++) await start(draft);
    expect((await trendingIds("day", undefined, 1))[0]).toBe(draft);

    const restricted = await movie("Grown-Ups Only", { rating: "R" });
    for (let i = 0; i < 30; i++) await start(restricted);
    expect((await trendingIds("day", undefined, 1))[0]).toBe(restricted);
    const kid = await viewer({ kids: true });
    const forKid = await trendingIds("day", kid.profile);
    expect(forKid).not.toContain(restricted);
    expect(forKid[0]).toBe(draft);

    await m.client.db().update(m.schema.titles).set({ published: false }).where(m.drizzle.eq(m.schema.titles.id, draft));
    expect(await trendingIds("day")).not.toContain(draft);
  });

  it("pages with a total", async () => {
    const all = await m.trending.browseTrending({ audience: undefined }, "week", { limit: 100, offset: 0 });
    const second = await m.trending.browseTrending({ audience: undefined }, "week", { limit: 2, offset: 2 });
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    expect(second.total).toBe(all.total);
    const past = await m.trending.browseTrending({ audience: undefined }, "week", { limit: 2, offset: 500 });
    expect(past).toMatchObject({ items: [], total: all.total });
  });
});

describe("more like this", () => {
  it("ranks shared people and genres, adds co-watching, and leaves out the title, what the profile finished and what it may not see", async () => {
    const star = await person("Mara Venn");
    const seed = await movie("The Salt Road", { genres: ["drama", "mystery"], people: [star] });
    const twoGenres = await movie("Tide Marks", { genres: ["drama", "mystery"] });
    const personAndGenre = await movie("Venn Returns", { genres: ["drama"], people: [star] });
    const nothing = await movie("Unrelated Comedy", { genres: ["comedy"] });
    const restricted = await movie("Dark Mystery", { genres: ["mystery", "drama"], rating: "R" });
    const finished = await movie("Already Seen", { genres: ["drama", "mystery"] });
    const coWatched = await movie("Watched Together", { genres: ["documentary"] });

    // Two profiles finished both the seed and "Watched Together".
    for (let i = 0; i < 2; i++) {
      const fan = await viewer();
      for (const id of [seed, coWatched]) await m.progress.createProgress(fan, { kind: "movie_watch_progress", movie_id: id }, { progress: 60 });
    }
    const ada = await viewer();
    await m.progress.createProgress(ada, { kind: "movie_watch_progress", movie_id: finished }, { progress: 60 });

    const forAda = await m.similar.getSimilar("movie", seed, ada.profile, ada, { limit: 20, offset: 0 });
    const ids = forAda.items.map((i) => i.id);
    // A shared person and genre (2.5) before two shared genres (2); co-watched by two (2·ln 3 ≈ 2.2) in between.
    expect(ids[0]).toBe(personAndGenre);
    expect(forAda.items[0]).toMatchObject({ shared_people: 1, shared_genres: 1 });
    expect(ids.indexOf(coWatched)).toBe(1);
    expect(forAda.items.find((i) => i.id === twoGenres)).toMatchObject({ shared_people: 0, shared_genres: 2 });
    expect(ids).toContain(coWatched);
    expect(ids).toContain(restricted);
    for (const absent of [seed, nothing, finished]) expect(ids).not.toContain(absent);
    expect(forAda.total).toBe(ids.length);

    // Without a profile nothing is finished; a kids profile does not see the R-rated one.
    const anonymous = await m.similar.getSimilar("movie", seed, undefined, undefined, { limit: 20, offset: 0 });
    expect(anonymous.items.map((i) => i.id)).toContain(finished);
    const kid = await viewer({ kids: true });
    const forKid = await m.similar.getSimilar("movie", seed, kid.profile, kid, { limit: 20, offset: 0 });
    expect(forKid.items.map((i) => i.id)).not.toContain(restricted);
    // A title the profile may not see has nothing similar: it does not exist for it.
    await expect(m.similar.getSimilar("movie", restricted, kid.profile, kid, { limit: 20, offset: 0 })).rejects.toMatchObject({ code: "movie_not_found" });
  });
});

describe("history", () => {
  it("filters by completed and in progress, and removes one item (404 when it is not there)", async () => {
    const done = await movie("Finished Film", { runtime: 1000 });
    const midway = await movie("Half Film", { runtime: 1000 });
    const ada = await viewer();
    await m.progress.createProgress(ada, { kind: "movie_watch_progress", movie_id: done }, { progress: 990 });
    await m.progress.createProgress(ada, { kind: "movie_watch_progress", movie_id: midway }, { progress: 300 });
    const page = { limit: 20, offset: 0 };
    const ids = async (status?: "completed" | "in_progress") => (await m.lists.getHistory(ada, { ...page, status })).items.map((i) => i.id);
    expect(await ids("completed")).toEqual([done]);
    expect(await ids("in_progress")).toEqual([midway]);
    expect((await ids()).sort()).toEqual([done, midway].sort());

    await m.lists.removeHistoryItem(ada, { type: "movie", id: midway });
    expect(await ids()).toEqual([done]);
    expect((await m.lists.getContinueWatching(ada, 20)).items).toEqual([]);
    await expect(m.lists.removeHistoryItem(ada, { type: "movie", id: midway })).rejects.toMatchObject({ code: "not_in_history" });
    await expect(m.lists.removeHistoryItem(ada, { type: "episode", id: done })).rejects.toMatchObject({ code: "not_in_history" });
  });
});

describe("search", () => {
  it("corrects a misspelt word against the words of the titles, new and renamed ones included", async () => {
    const id = await movie("Quizzical Bramblewick");
    const near = async (word: string) => (await m.searchQueries.spellingsOf([word]))[0].near;
    expect(await near("quizical")).toContain("quizzical");
    expect(await near("quizz")).toEqual([]); // the start of a title word: typed so far, not misspelt
    expect(m.search.prefixQuery(await m.searchQueries.spellingsOf(["quizical", "bram"]))).toMatch(/^\(quizical:\* \| quizzical.*\) & bram:\*$/);
    const first = async (text: string) => (await m.search.searchUncached(text, { audience: undefined, limit: 5 })).items[0]?.id;
    expect(await first("quizical bramblewick")).toBe(id);

    await m.client.db().update(m.schema.titles).set({ title: "Quizzical Thornbury" }).where(m.drizzle.eq(m.schema.titles.id, id));
    expect(await near("thornbry")).toContain("thornbury");
    expect(await first("quizzical thornbry")).toBe(id);
    // Words run together are near the words they join.
    expect(await first("quizzicalthornbury")).toBe(id);
    // With a word that is near nothing the words match no title, and the trigram scan of the whole query finds it.
    expect(await near("xqzv")).toEqual([]);
    expect(await first("quizzical thornbury xqzv")).toBe(id);
  });

  it("ranks the words in the order typed first, misspelt or not", async () => {
    const inOrder = await movie("Shadowmere Falconry of the North");
    const reversed = await movie("Falconry Shadowmere");
    const ranked = async (text: string) => (await m.search.searchUncached(text, { audience: undefined, limit: 5 })).items.map((item) => item.id);
    for (const text of ["shadowmere falconry", "shadowmre falconry", "shadowmere falconr"]) {
      expect((await ranked(text)).slice(0, 2), text).toEqual([inOrder, reversed]);
    }
    expect((await ranked("falconry shadowmre")).slice(0, 2)).toEqual([reversed, inOrder]);
  });
});
