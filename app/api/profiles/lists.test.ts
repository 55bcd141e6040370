import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createAccount, expectEnvelope } from "@/test/http";

// Demo titles have no video: a title lasts its runtime (30 s), and 27 s or more marks it watched.
const DURATION = 30;
const FINISHED = 28;

type Credit = { id: string };
type Episode = { episode: number; title: string };
type Season = { season: number; episodes: Episode[] };
type Title = {
  type: "movie" | "show";
  id: string;
  title: string;
  maturity_rating: string;
  genres: Array<{ slug: string }>;
  cast: Credit[];
  directors?: Credit[];
  creators?: Credit[];
  seasons?: Season[];
};

let movies: Title[];
let shows: Title[];

beforeAll(async () => {
  const list = async (kind: "movies" | "shows") => {
    const page = await api("GET", `/api/${kind}?limit=100&sort=title`);
    expect(page.status).toBe(200);
    return Promise.all(page.body.items.map(async (item: { id: string }) => (await api("GET", `/api/${kind}/${item.id}`)).body as Title));
  };
  [movies, shows] = await Promise.all([list("movies"), list("shows")]);
  expect(movies[0].cast.length).toBeGreaterThan(0);
});

type Viewer = { token: string; url: (rest?: string) => string };

async function premiumAccount() {
  const account = await createAccount();
  expect((await api("PUT", "/api/accounts/subscription", { token: account.token, body: { subscription: "premium" } })).status).toBe(200);
  return account;
}

async function addProfile(token: string, name: string): Promise<Viewer> {
  const created = await api("POST", `/api/profiles/${encodeURIComponent(name)}/new`, { token });
  expect(created.status).toBe(200);
  return { token, url: (rest = "") => `/api/profiles/${encodeURIComponent(name)}${rest}` };
}

async function viewer(name = "Viewer Ω"): Promise<Viewer> {
  return addProfile((await premiumAccount()).token, name);
}

type Target =
  | { kind: "movie_watch_progress"; movie_id: string }
  | { kind: "tv_show_watch_progress"; tv_show_id: string; tv_show_season: number; tv_show_episode: number };

const movieAt = (movie: Title): Target => ({ kind: "movie_watch_progress", movie_id: movie.id });
const episodeAt = (show: Title, season: number, episode: number): Target => ({
  kind: "tv_show_watch_progress",
  tv_show_id: show.id,
  tv_show_season: season,
  tv_show_episode: episode,
});

/** Writes progress the way a player does: POST the first time, PUT after. */
async function watch(v: Viewer, target: Target, progress: number) {
  const created = await api("POST", v.url("/progress"), { token: v.token, body: { ...target, progress } });
  if (created.status === 409) {
    const updated = await api("PUT", v.url("/progress"), { token: v.token, body: { ...target, progress } });
    expect(updated.status).toBe(200);
    return;
  }
  expect(created.status).toBe(200);
}

const get = async (v: Viewer, rest: string) => {
  const response = await api("GET", v.url(rest), { token: v.token });
  expect(response.status).toBe(200);
  return response.body;
};
const continueIds = async (v: Viewer) => (await get(v, "/continue-watching")).items.map((i: { id: string }) => i.id);

const movieByRating = (rating: string) => movies.find((m) => m.maturity_rating === rating)!;
const showWithSeasons = () => shows.find((s) => s.seasons!.length >= 2 && s.seasons![0].episodes.length >= 2)!;

describe("GET /api/profiles/{name}/continue-watching", () => {
  it("lists started movies and shows newest first, with progress and the episode to play", async () => {
    const v = await viewer();
    expect(await get(v, "/continue-watching")).toEqual({ items: [] });
    const [a, b] = [movies[0], movies[1]];
    const show = showWithSeasons();
    await watch(v, movieAt(a), 10);
    await watch(v, movieAt(b), 6);
    await watch(v, episodeAt(show, 1, 1), 12);

    const { items } = await get(v, "/continue-watching");
    expect(items.map((i: { id: string }) => i.id)).toEqual([show.id, b.id, a.id]);
    expect(items[2]).toMatchObject({
      type: "movie",
      id: a.id,
      title: a.title,
      maturity_rating: a.maturity_rating,
      progress_seconds: 10,
      duration_seconds: DURATION,
      percent: 33,
    });
    expect(items[2].poster_url).toMatch(/^\/artwork\//);
    expect(items[2]).not.toHaveProperty("episode");
    expect(items[0]).toMatchObject({
      type: "show",
      progress_seconds: 12,
      episode: { season: 1, episode: 1, title: show.seasons![0].episodes[0].title },
    });
    expect(Date.parse(items[0].updated_at)).toBeGreaterThanOrEqual(Date.parse(items[1].updated_at));

    // Resuming a movie moves it to the front; finishing one drops it.
    await watch(v, movieAt(a), 15);
    expect(await continueIds(v)).toEqual([a.id, show.id, b.id]);
    await watch(v, movieAt(b), FINISHED);
    expect(await continueIds(v)).toEqual([a.id, show.id]);
    expect((await get(v, "/continue-watching?limit=1")).items.map((i: { id: string }) => i.id)).toEqual([a.id]);
  });

  it("advances a show past a finished episode, across seasons, and drops it after the last one", async () => {
    const v = await viewer();
    const show = showWithSeasons();
    const seasons = show.seasons!;
    const entry = async () => (await get(v, "/continue-watching")).items.find((i: { id: string }) => i.id === show.id);

    await watch(v, episodeAt(show, 1, 1), FINISHED);
    expect(await entry()).toMatchObject({ progress_seconds: 0, percent: 0, episode: { season: 1, episode: 2, title: seasons[0].episodes[1].title } });

    const lastOfFirst = seasons[0].episodes.at(-1)!.episode;
    await watch(v, episodeAt(show, 1, lastOfFirst), FINISHED);
    expect(await entry()).toMatchObject({ progress_seconds: 0, episode: { season: seasons[1].season, episode: 1, title: seasons[1].episodes[0].title } });

    // Rewatching an earlier episode makes it the entry again.
    await watch(v, episodeAt(show, 1, 2), 5);
    expect(await entry()).toMatchObject({ progress_seconds: 5, episode: { season: 1, episode: 2 } });

    const last = seasons.at(-1)!;
    await watch(v, episodeAt(show, last.season, last.episodes.at(-1)!.episode), FINISHED);
    expect(await entry()).toBeUndefined();
  });
});

describe("DELETE /api/profiles/{name}/continue-watching/{item}", () => {
  it("hides a movie or show without marking it watched, until the next progress write", async () => {
    const v = await viewer();
    const movie = movies[2];
    const show = showWithSeasons();
    await watch(v, movieAt(movie), 9);
    await watch(v, episodeAt(show, 1, 1), 4);

    expect((await api("DELETE", v.url(`/continue-watching/${movie.id}`), { token: v.token })).status).toBe(200);
    expect(await continueIds(v)).toEqual([show.id]);
    expectEnvelope(await api("DELETE", v.url(`/continue-watching/${movie.id}`), { token: v.token }), 404, "not_in_continue_watching");
    const history = await get(v, "/history");
    expect(history.items.find((i: { id: string }) => i.id === movie.id)).toMatchObject({ watched: false, progress_seconds: 9 });

    expect((await api("DELETE", v.url(`/continue-watching/${show.id}`), { token: v.token })).status).toBe(200);
    expect(await continueIds(v)).toEqual([]);

    await watch(v, episodeAt(show, 1, 2), 3);
    await watch(v, movieAt(movie), 11);
    expect(await continueIds(v)).toEqual([movie.id, show.id]);
    expect((await get(v, "/continue-watching")).items[1].episode).toMatchObject({ season: 1, episode: 2 });
  });

  it("answers 404 for a title not on the row and 422 for a malformed id", async () => {
    const v = await viewer();
    expectEnvelope(await api("DELETE", v.url(`/continue-watching/${randomUUID()}`), { token: v.token }), 404, "not_in_continue_watching");
    expectEnvelope(await api("DELETE", v.url(`/continue-watching/${movies[0].id}`), { token: v.token }), 404, "not_in_continue_watching");
    expectEnvelope(await api("DELETE", v.url("/continue-watching/not-a-uuid"), { token: v.token }), 422, "validation_failed");
  });
});

describe("GET /api/profiles/{name}/history", () => {
  it("lists every started or watched movie and episode, newest first, in pages", async () => {
    const v = await viewer();
    const show = showWithSeasons();
    await watch(v, movieAt(movies[3]), FINISHED);
    await watch(v, episodeAt(show, 1, 1), FINISHED);
    await watch(v, episodeAt(show, 1, 2), 7);

    const all = await get(v, "/history");
    expect(all).toMatchObject({ total: 3, limit: 20, offset: 0 });
    expect(all.items).toEqual([
      expect.objectContaining({ type: "show", id: show.id, kind: "episode", watched: false, progress_seconds: 7, episode: expect.objectContaining({ season: 1, episode: 2 }) }),
      expect.objectContaining({ type: "show", id: show.id, kind: "episode", watched: true, progress_seconds: FINISHED, percent: 93 }),
      expect.objectContaining({ type: "movie", id: movies[3].id, item_id: movies[3].id, kind: "movie", watched: true }),
    ]);
    expect(all.items[0].item_id).not.toBe(all.items[1].item_id);

    const second = await get(v, "/history?limit=2&offset=2");
    expect(second).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(second.items.map((i: { item_id: string }) => i.item_id)).toEqual([movies[3].id]);
    expect(await get(v, "/history?offset=10")).toMatchObject({ items: [], total: 3 });
    expectEnvelope(await api("GET", v.url("/history?limit=0"), { token: v.token }), 422, "validation_failed");
  });
});

describe("watchlist", () => {
  it("adds idempotently, lists newest first in pages, and removes", async () => {
    const v = await viewer();
    const [movie, show] = [movies[4], shows[0]];
    const added = await api("PUT", v.url(`/watchlist/movie/${movie.id}`), { token: v.token });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ type: "movie", id: movie.id, title: movie.title });
    const again = await api("PUT", v.url(`/watchlist/movie/${movie.id}`), { token: v.token });
    expect(again.status).toBe(200);
    expect(again.body.added_at).toBe(added.body.added_at);
    expect((await api("PUT", v.url(`/watchlist/show/${show.id}`), { token: v.token })).status).toBe(200);

    const list = await get(v, "/watchlist");
    expect(list).toMatchObject({ total: 2, limit: 20, offset: 0 });
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([show.id, movie.id]);
    expect((await get(v, "/watchlist?limit=1&offset=1")).items.map((i: { id: string }) => i.id)).toEqual([movie.id]);

    expect((await api("DELETE", v.url(`/watchlist/show/${show.id}`), { token: v.token })).status).toBe(200);
    expectEnvelope(await api("DELETE", v.url(`/watchlist/show/${show.id}`), { token: v.token }), 404, "not_on_watchlist");
    expectEnvelope(await api("DELETE", v.url(`/watchlist/show/${movie.id}`), { token: v.token }), 404, "not_on_watchlist");
    expect(await get(v, "/watchlist")).toMatchObject({ total: 1, items: [expect.objectContaining({ id: movie.id })] });
  });

  it("answers 404 for an unknown title of that type and 422 for a bad type or id", async () => {
    const v = await viewer();
    expectEnvelope(await api("PUT", v.url(`/watchlist/movie/${randomUUID()}`), { token: v.token }), 404, "movie_not_found");
    expectEnvelope(await api("PUT", v.url(`/watchlist/show/${movies[0].id}`), { token: v.token }), 404, "show_not_found");
    expectEnvelope(await api("PUT", v.url(`/watchlist/episode/${movies[0].id}`), { token: v.token }), 422, "validation_failed");
    expectEnvelope(await api("PUT", v.url("/watchlist/movie/123"), { token: v.token }), 422, "validation_failed");
    expect(await get(v, "/watchlist")).toMatchObject({ items: [], total: 0 });
  });
});

describe("ratings", () => {
  it("sets, changes, lists and removes thumbs", async () => {
    const v = await viewer();
    const [movie, show] = [movies[5], shows[1]];
    const up = await api("PUT", v.url(`/ratings/movie/${movie.id}`), { token: v.token, body: { rating: "up" } });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ type: "movie", id: movie.id, rating: "up" });
    expect((await api("PUT", v.url(`/ratings/show/${show.id}`), { token: v.token, body: { rating: "down" } })).body.rating).toBe("down");

    const list = await get(v, "/ratings");
    expect(list).toMatchObject({ total: 2 });
    expect(list.items.map((i: { id: string; rating: string }) => [i.id, i.rating])).toEqual([[show.id, "down"], [movie.id, "up"]]);
    expect((await get(v, "/ratings?rating=up")).items.map((i: { id: string }) => i.id)).toEqual([movie.id]);

    await api("PUT", v.url(`/ratings/movie/${movie.id}`), { token: v.token, body: { rating: "down" } });
    expect((await get(v, "/ratings?rating=down")).total).toBe(2);
    const removed = await api("PUT", v.url(`/ratings/movie/${movie.id}`), { token: v.token, body: { rating: null } });
    expect(removed.body).toEqual({ type: "movie", id: movie.id, rating: null, updated_at: null });
    expect((await get(v, "/ratings")).items.map((i: { id: string }) => i.id)).toEqual([show.id]);
  });

  it("rejects a bad rating, type or id with 422 and an unknown title with 404", async () => {
    const v = await viewer();
    const rate = (path: string, body: unknown) => api("PUT", v.url(path), { token: v.token, body });
    expectEnvelope(await rate(`/ratings/movie/${movies[0].id}`, { rating: "meh" }), 422, "validation_failed");
    expectEnvelope(await rate(`/ratings/movie/${movies[0].id}`, {}), 422, "validation_failed");
    expectEnvelope(await rate(`/ratings/film/${movies[0].id}`, { rating: "up" }), 422, "validation_failed");
    expectEnvelope(await rate("/ratings/movie/nope", { rating: "up" }), 422, "validation_failed");
    expectEnvelope(await rate(`/ratings/movie/${shows[0].id}`, { rating: "up" }), 404, "movie_not_found");
    expectEnvelope(await rate(`/ratings/show/${randomUUID()}`, { rating: null }), 404, "show_not_found");
  });
});

describe("isolation and access", () => {
  it("keeps each account's profiles apart, even under the same name", async () => {
    const first = await viewer("Shared");
    const second = await viewer("Shared");
    const movie = movies[6];
    await watch(first, movieAt(movie), 10);
    await api("PUT", first.url(`/watchlist/movie/${movie.id}`), { token: first.token });
    await api("PUT", first.url(`/ratings/movie/${movie.id}`), { token: first.token, body: { rating: "up" } });

    expect(await continueIds(second)).toEqual([]);
    expect((await get(second, "/history")).total).toBe(0);
    expect((await get(second, "/watchlist")).total).toBe(0);
    expect((await get(second, "/ratings")).total).toBe(0);
    expect((await get(second, "/recommendations")).items.every((i: { reason: unknown }) => i.reason === "popular")).toBe(true);
    expectEnvelope(await api("DELETE", second.url(`/continue-watching/${movie.id}`), { token: second.token }), 404, "not_in_continue_watching");
    expect(await continueIds(first)).toEqual([movie.id]);

    // A profile name only another account has does not exist for the caller.
    const only = await viewer("Only mine");
    for (const [method, rest, body] of [
      ["GET", "/continue-watching"],
      ["DELETE", `/continue-watching/${movie.id}`],
      ["GET", "/history"],
      ["GET", "/watchlist"],
      ["PUT", `/watchlist/movie/${movie.id}`],
      ["DELETE", `/watchlist/movie/${movie.id}`],
      ["GET", "/ratings"],
      ["PUT", `/ratings/movie/${movie.id}`, { rating: "up" }],
      ["GET", "/recommendations"],
    ] as const) {
      expectEnvelope(await api(method, only.url(rest), { token: first.token, body }), 404, "profile_not_found");
      expectEnvelope(await api(method, only.url(rest), { body }), 403, "forbidden");
    }
  });
});

describe("maturity", () => {
  it("hides titles above a profile's rating from every list, and shows them again when it is raised", async () => {
    const v = await viewer("Growing");
    const [adult, family] = [movieByRating("R"), movieByRating("G")];
    for (const movie of [adult, family]) {
      await watch(v, movieAt(movie), 8);
      await api("PUT", v.url(`/watchlist/movie/${movie.id}`), { token: v.token });
      await api("PUT", v.url(`/ratings/movie/${movie.id}`), { token: v.token, body: { rating: "up" } });
    }
    const ids = async (rest: string) => (await get(v, rest)).items.map((i: { id: string }) => i.id);
    expect(await ids("/continue-watching")).toEqual([family.id, adult.id]);

    expect((await api("PATCH", v.url(), { token: v.token, body: { maturity_rating: "PG" } })).status).toBe(200);
    for (const rest of ["/continue-watching", "/history", "/watchlist", "/ratings"]) expect(await ids(rest)).toEqual([family.id]);
    const allowed = new Set(["G", "PG", "TV-Y", "TV-Y7", "TV-G", "TV-PG"]);
    const recommended = (await get(v, "/recommendations?limit=100")).items as Array<{ maturity_rating: string }>;
    expect(recommended.length).toBeGreaterThan(0);
    expect(recommended.every((i) => allowed.has(i.maturity_rating))).toBe(true);
    expectEnvelope(await api("PUT", v.url(`/watchlist/movie/${movieByRating("PG-13").id}`), { token: v.token }), 404, "movie_not_found");
    expectEnvelope(await api("DELETE", v.url(`/continue-watching/${adult.id}`), { token: v.token }), 404, "not_in_continue_watching");

    await api("PATCH", v.url(), { token: v.token, body: { maturity_rating: "NC-17" } });
    expect(await ids("/continue-watching")).toEqual([family.id, adult.id]);
    expect(await ids("/watchlist")).toEqual([family.id, adult.id]);
  });
});

describe("GET /api/profiles/{name}/recommendations", () => {
  const peopleOf = (t: Title) => new Set([...t.cast, ...(t.directors ?? []), ...(t.creators ?? [])].map((c) => c.id));
  const genresOf = (t: Title) => new Set(t.genres.map((g) => g.slug));
  const overlap = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x)).length;
  const similarity = (a: Title, b: Title) => ({ genres: overlap(genresOf(a), genresOf(b)), people: overlap(peopleOf(a), peopleOf(b)) });
  const reasons = async (v: Viewer) => {
    const { items } = await get(v, "/recommendations?limit=100");
    return new Map<string, unknown>(items.map((i: { id: string; reason: unknown }) => [i.id, i.reason]));
  };

  /** A seed with titles that share people, titles that share only a genre, and titles that share nothing. */
  function pickSeed() {
    const all = [...movies, ...shows];
    // From the least popular end of the list, away from titles other test files are likely to play.
    for (const seed of [...movies].reverse()) {
      const others = all.filter((t) => t.id !== seed.id).map((t) => ({ t, ...similarity(seed, t) }));
      const byPeople = others.filter((o) => o.people > 0);
      const byGenreOnly = others.filter((o) => o.people === 0 && o.genres > 0);
      const unrelated = others.filter((o) => o.people === 0 && o.genres === 0 && o.t.type === "movie");
      if (byPeople.length && byGenreOnly.length && unrelated.length >= 2) return { seed, byPeople, byGenreOnly, unrelated };
    }
    throw new Error("the demo catalog has no suitable seed");
  }

  it("answers popular titles within the profile's rating for a new profile (cold start)", async () => {
    // Popular: what was watched most this month (GET /api/browse/trending?timeframe=month), then the rest A–Z.
    const expectPopular = async (items: Array<{ id: string; title: string }>, query: string) => {
      const watched = (await api("GET", `/api/browse/trending?timeframe=month&limit=100${query}`)).body.items.map((i: { id: string }) => i.id);
      const lead = watched.slice(0, items.length);
      expect(items.slice(0, lead.length).map((i) => i.id)).toEqual(lead);
      const rest = items.slice(lead.length);
      expect(rest.every((i) => !watched.includes(i.id))).toBe(true);
      expect(rest.map((i) => i.title)).toEqual(rest.map((i) => i.title).sort((a, b) => a.localeCompare(b)));
    };
    const v = await viewer();
    const first = await get(v, "/recommendations");
    expect(first.items).toHaveLength(20);
    expect(first.items.every((i: { reason: unknown }) => i.reason === "popular")).toBe(true);
    await expectPopular(first.items, "");
    expect(await get(v, "/recommendations")).toEqual(first);

    await api("PATCH", v.url(), { token: v.token, body: { maturity_rating: "PG" } });
    const kids = await get(v, "/recommendations?limit=10");
    expect(kids.items).toHaveLength(10);
    await expectPopular(kids.items, "&max_maturity_rating=PG");
    expectEnvelope(await api("GET", v.url("/recommendations?limit=101"), { token: v.token }), 422, "validation_failed");
  });

  it("recommends titles sharing people and genres with what the profile watched, closest first", async () => {
    const { seed, byPeople, byGenreOnly } = pickSeed();
    const v = await viewer();
    await watch(v, movieAt(seed), 10);
    const reason = { because_you_watched: seed.title };
    const { items } = await get(v, "/recommendations?limit=100");
    const byId = new Map<string, unknown>(items.map((i: { id: string; reason: unknown }) => [i.id, i.reason]));
    expect(byId.has(seed.id)).toBe(false);
    for (const { t } of [...byPeople, ...byGenreOnly]) expect(byId.get(t.id), t.title).toEqual(reason);

    const score = (o: { genres: number; people: number }) => o.genres + 1.5 * o.people;
    const closest = [...byPeople, ...byGenreOnly].sort((a, b) => score(b) - score(a))[0];
    const weakest = byGenreOnly.sort((a, b) => score(a) - score(b))[0];
    const position = (id: string) => items.findIndex((i: { id: string }) => i.id === id);
    expect(position(closest.t.id)).toBeLessThan(position(weakest.t.id));
    expect(position(closest.t.id)).toBeLessThan(byPeople.length + byGenreOnly.length);
  });

  it("recommends what others who watched the same title also watched", async () => {
    const { seed, unrelated } = pickSeed();
    const target = unrelated[0].t;
    const v = await viewer();
    await watch(v, movieAt(seed), 10);
    expect((await reasons(v)).get(target.id)).not.toEqual({ because_you_watched: seed.title });

    const others = await premiumAccount();
    for (const name of ["Co 1", "Co 2"]) {
      const co = await addProfile(others.token, name);
      await watch(co, movieAt(seed), FINISHED);
      await watch(co, movieAt(target), FINISHED);
    }
    expect((await reasons(v)).get(target.id)).toEqual({ because_you_watched: seed.title });
  });

  it("never recommends finished or rated titles, and follows thumbs up", async () => {
    const { seed, byPeople } = pickSeed();
    const disliked = byPeople[0].t;
    const liked = shows.find((s) => s.id !== disliked.id)!;
    const v = await viewer();
    await watch(v, movieAt(seed), FINISHED);
    await api("PUT", v.url(`/ratings/${disliked.type}/${disliked.id}`), { token: v.token, body: { rating: "down" } });
    await api("PUT", v.url(`/ratings/show/${liked.id}`), { token: v.token, body: { rating: "up" } });

    const byId = await reasons(v);
    expect(byId.has(seed.id)).toBe(false);
    expect(byId.has(disliked.id)).toBe(false);
    expect(byId.has(liked.id)).toBe(false);
    expect([...byId.values()]).toContainEqual({ because_you_liked: liked.title });
    expect([...byId.values()]).toContainEqual({ because_you_watched: seed.title });

    // Taking the thumbs down back makes the title eligible again.
    await api("PUT", v.url(`/ratings/${disliked.type}/${disliked.id}`), { token: v.token, body: { rating: null } });
    expect((await reasons(v)).get(disliked.id)).toBeTypeOf("object");
  });
});

describe("GET /api/openapi.json", () => {
  it("documents the profile lists", async () => {
    const { paths } = (await api("GET", "/api/openapi.json")).body;
    const documented = (path: string, method: string) => expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    documented("/api/profiles/{name}/continue-watching", "get");
    documented("/api/profiles/{name}/continue-watching/{item}", "delete");
    documented("/api/profiles/{name}/history", "get");
    documented("/api/profiles/{name}/watchlist", "get");
    documented("/api/profiles/{name}/watchlist/{type}/{id}", "put");
    documented("/api/profiles/{name}/watchlist/{type}/{id}", "delete");
    documented("/api/profiles/{name}/ratings", "get");
    documented("/api/profiles/{name}/ratings/{type}/{id}", "put");
    documented("/api/profiles/{name}/recommendations", "get");
  });
});

describe("GET /api/movies?sort=rating", () => {
  it("ranks movies by viewers' thumbs: the approved first, the disapproved after the unrated", async () => {
    const movies = (await api("GET", "/api/movies?limit=3&offset=20")).body.items as Array<{ id: string }>;
    const [loved, liked, disliked] = movies;
    // Profiles of three accounts vote: loved gets 3 ups, liked 1 up, disliked 3 downs.
    for (let i = 0; i < 3; i++) {
      const { token } = await createAccount();
      await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "basic" } });
      await api("POST", "/api/profiles/Voter/new", { token });
      await api("PUT", `/api/profiles/Voter/ratings/movie/${loved.id}`, { token, body: { rating: "up" } });
      await api("PUT", `/api/profiles/Voter/ratings/movie/${disliked.id}`, { token, body: { rating: "down" } });
      if (i === 0) await api("PUT", `/api/profiles/Voter/ratings/movie/${liked.id}`, { token, body: { rating: "up" } });
    }
    const ranked = (await api("GET", "/api/movies?sort=rating&limit=100")).body.items.map((m: { id: string }) => m.id) as string[];
    expect(ranked.indexOf(loved.id)).toBeLessThan(ranked.indexOf(liked.id));
    expect(ranked.indexOf(liked.id)).toBeLessThan(ranked.indexOf(disliked.id));
    const unrated = (await api("GET", "/api/movies?limit=1&offset=25")).body.items[0].id;
    expect(ranked.indexOf(liked.id)).toBeLessThan(ranked.indexOf(unrated));
    expect(ranked.indexOf(unrated)).toBeLessThan(ranked.indexOf(disliked.id));
  });
});
