// A title page's view of one profile: watchlist, thumbs, per-item progress and the play button's target.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { insertAccount } from "@/db/queries/accounts";
import { listTitles } from "@/db/queries/catalog";
import { insertProfileWithinLimit } from "@/db/queries/profiles";
import { seedDemoCatalog } from "@/db/seed/seed-demo";
import type { Viewer } from "@/lib/access/rules";
import type { Principal } from "@/lib/accounts/sessions";
import { getShow } from "@/lib/catalog/catalog";
import { useDatabase } from "@/test/database";
import { addWatchlistTitle, rateTitle } from "./lists";
import { createProgress } from "./progress";
import { episodeKey, getTitleState, movieStart, showPlayTarget } from "./title-state";

useDatabase();

let ada: Viewer;
let kid: Viewer;
let movieId: string;
let rMovieId: string;
let showId: string;

beforeAll(async () => {
  await seedDemoCatalog({ video: false, log: () => {} });
  const account = await insertAccount({ username: `u_${randomUUID().slice(0, 8)}`, email: `${randomUUID()}@example.com`, passwordHash: "x" });
  const principal: Principal = { accountId: account.id, sessionId: randomUUID(), username: account.username, role: "viewer" };
  ada = { principal, profile: (await insertProfileWithinLimit({ accountId: account.id, name: "Ada" }, 5))! };
  kid = { principal, profile: (await insertProfileWithinLimit({ accountId: account.id, name: "Kid", kids: true, maturityRating: "PG", maturityLevel: 1 }, 5))! };
  const movies = (await listTitles({ kind: "movie", audience: undefined }, "title", 100, 0)).rows;
  movieId = movies.find((m) => m.maturityRating === "PG")!.id;
  rMovieId = movies.find((m) => m.maturityRating === "R")!.id;
  showId = (await listTitles({ kind: "show", audience: kid.profile }, "title", 1, 0)).rows[0].id;
});

describe("getTitleState", () => {
  it("starts empty, then reflects the watchlist, thumbs and movie progress", async () => {
    expect(await getTitleState(ada, movieId)).toEqual({ on_watchlist: false, rating: null, movie: null, episodes: {}, last_episode: null });
    await addWatchlistTitle(ada, "movie", movieId);
    await rateTitle(ada, "movie", movieId, "up");
    await createProgress(ada, { kind: "movie_watch_progress", movie_id: movieId }, { progress: 12 });
    const state = (await getTitleState(ada, movieId))!;
    expect(state.on_watchlist).toBe(true);
    expect(state.rating).toBe("up");
    expect(state.movie).toMatchObject({ position_seconds: 12, watched: false });
    expect(state.movie!.percent).toBeGreaterThan(0);
    expect(movieStart(state.movie)).toEqual({ action: "resume", position_seconds: 12 });
    // Another profile of the same account sees none of it.
    expect(await getTitleState(kid, movieId)).toMatchObject({ on_watchlist: false, rating: null, movie: null });
  });

  it("hides titles above the profile's rating, and unknown or malformed ids", async () => {
    expect(await getTitleState(ada, rMovieId)).toBeDefined();
    expect(await getTitleState(kid, rMovieId)).toBeUndefined();
    expect(await getTitleState(ada, randomUUID())).toBeUndefined();
    expect(await getTitleState(ada, "not-a-uuid")).toBeUndefined();
  });

  it("tracks episodes and points the play button at the next unwatched one", async () => {
    const show = await getShow(showId, undefined);
    const order = show.seasons.flatMap((s) => s.episodes.map((e) => ({ season: s.season, episode: e.episode })));
    expect(order.length).toBeGreaterThan(2);
    const fresh = (await getTitleState(kid, showId))!;
    expect(showPlayTarget(order, fresh)).toEqual({ ...order[0], action: "play", position_seconds: 0 });

    const episode = (ref: { season: number; episode: number }) =>
      ({ kind: "tv_show_watch_progress", tv_show_id: showId, tv_show_season: ref.season, tv_show_episode: ref.episode }) as const;
    // The first episode finished (demo runtimes: well past 90%), the second started.
    await createProgress(kid, episode(order[0]), { progress: 100_000 });
    let state = (await getTitleState(kid, showId))!;
    expect(state.episodes[episodeKey(order[0])]).toMatchObject({ watched: true, percent: 100 });
    expect(showPlayTarget(order, state)).toEqual({ ...order[1], action: "next", position_seconds: 0 });

    await createProgress(kid, episode(order[1]), { progress: 15, client_timestamp: new Date(Date.now() + 1000) });
    state = (await getTitleState(kid, showId))!;
    expect(state.last_episode).toMatchObject({ ...order[1], position_seconds: 15, watched: false });
    expect(showPlayTarget(order, state)).toEqual({ ...order[1], action: "resume", position_seconds: 15 });
  });

  it("starts over when every episode after the last one is watched", () => {
    const order = [{ season: 1, episode: 1 }, { season: 1, episode: 2 }];
    const watched = { position_seconds: 30, duration_seconds: 30, percent: 100, watched: true };
    const state = { last_episode: { ...order[1], ...watched }, episodes: { "1:1": watched, "1:2": watched } };
    expect(showPlayTarget(order, state)).toEqual({ ...order[0], action: "play", position_seconds: 0 });
    expect(showPlayTarget([], state)).toBeUndefined();
  });
});
