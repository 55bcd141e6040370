// A title page's view of one profile: watchlist, thumbs, per-item progress and the play button's target.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { insertAccount } from "@/db/queries/accounts";
import { listTitles } from "@/db/queries/catalog";
import { insertProfileWithinLimit } from "@/db/queries/profiles";
import { seedDemoCatalog } from "@/db/seed/seed-demo";
import type { Principal } from "@/lib/accounts/sessions";
import { getShow } from "@/lib/catalog/catalog";
import { useDatabase } from "@/test/database";
import { addWatchlistTitle, rateTitle } from "./lists";
import { createProgress } from "./progress";
import { episodeKey, getTitleState, movieStart, showPlayTarget } from "./title-state";

useDatabase();

let principal: Principal;
let movieId: string;
let rMovieId: string;
let showId: string;

beforeAll(async () => {
  await seedDemoCatalog({ video: false, log: () => {} });
  const account = await insertAccount({ username: `u_${randomUUID().slice(0, 8)}`, email: `${randomUUID()}@example.com`, passwordHash: "x" });
  principal = { accountId: account.id, sessionId: randomUUID(), username: account.username, role: "viewer" };
  await insertProfileWithinLimit({ accountId: account.id, name: "Ada" }, 5);
  await insertProfileWithinLimit({ accountId: account.id, name: "Kid", kids: true, maturityRating: "PG", maturityLevel: 1 }, 5);
  const movies = (await listTitles({ kind: "movie" }, "title", 100, 0)).rows;
  movieId = movies.find((m) => m.maturityRating === "PG")!.id;
  rMovieId = movies.find((m) => m.maturityRating === "R")!.id;
  showId = (await listTitles({ kind: "show", maxMaturityLevel: 1 }, "title", 1, 0)).rows[0].id;
});

describe("getTitleState", () => {
  it("starts empty, then reflects the watchlist, thumbs and movie progress", async () => {
    expect(await getTitleState(principal, "Ada", movieId)).toEqual({ on_watchlist: false, rating: null, movie: null, episodes: {}, last_episode: null });
    await addWatchlistTitle(principal, "Ada", "movie", movieId);
    await rateTitle(principal, "Ada", "movie", movieId, "up");
    await createProgress(principal, "Ada", { kind: "movie_watch_progress", movie_id: movieId }, { progress: 12 });
    const state = (await getTitleState(principal, "Ada", movieId))!;
    expect(state.on_watchlist).toBe(true);
    expect(state.rating).toBe("up");
    expect(state.movie).toMatchObject({ position_seconds: 12, watched: false });
    expect(state.movie!.percent).toBeGreaterThan(0);
    expect(movieStart(state.movie)).toEqual({ action: "resume", position_seconds: 12 });
    // Another profile of the same account sees none of it.
    expect(await getTitleState(principal, "Kid", movieId)).toMatchObject({ on_watchlist: false, rating: null, movie: null });
  });

  it("hides titles above the profile's rating, and unknown or malformed ids", async () => {
    expect(await getTitleState(principal, "Ada", rMovieId)).toBeDefined();
    expect(await getTitleState(principal, "Kid", rMovieId)).toBeUndefined();
    expect(await getTitleState(principal, "Ada", randomUUID())).toBeUndefined();
    expect(await getTitleState(principal, "Ada", "not-a-uuid")).toBeUndefined();
  });

  it("tracks episodes and points the play button at the next unwatched one", async () => {
    const show = await getShow(showId);
    const order = show.seasons.flatMap((s) => s.episodes.map((e) => ({ season: s.season, episode: e.episode })));
    expect(order.length).toBeGreaterThan(2);
    const fresh = (await getTitleState(principal, "Kid", showId))!;
    expect(showPlayTarget(order, fresh)).toEqual({ ...order[0], action: "play", position_seconds: 0 });

    const episode = (ref: { season: number; episode: number }) =>
      ({ kind: "tv_show_watch_progress", tv_show_id: showId, tv_show_season: ref.season, tv_show_episode: ref.episode }) as const;
    // The first episode finished (demo runtimes: well past 90%), the second started.
    await createProgress(principal, "Kid", episode(order[0]), { progress: 100_000 });
    let state = (await getTitleState(principal, "Kid", showId))!;
    expect(state.episodes[episodeKey(order[0])]).toMatchObject({ watched: true, percent: 100 });
    expect(showPlayTarget(order, state)).toEqual({ ...order[1], action: "next", position_seconds: 0 });

    await createProgress(principal, "Kid", episode(order[1]), { progress: 15, client_timestamp: new Date(Date.now() + 1000) });
    state = (await getTitleState(principal, "Kid", showId))!;
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
