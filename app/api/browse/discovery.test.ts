// Discovery over HTTP, on a server and database of this file's own (no demo catalog, so the rankings are this file's):
// trending follows viewing (a newly published admin title included) with a validated timeframe; more like this;
// history filtered by status and edited with a bearer token and with the site's cookie.
import { beforeAll, describe, expect, it } from "vitest";
import { signInToSite } from "@/test/web-session";
import { useAdminServer } from "../admin/test-server";

const server = useAdminServer();
let admin: string;
let viewer: { token: string; username: string; password: string };
const ids: Record<string, string> = {};

const asAdmin = (method: string, path: string, body?: unknown) => server.call(method, path, { token: admin, body });
const asViewer = (method: string, path: string, body?: unknown) => server.call(method, path, { token: viewer.token, body });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progressPath = (profile: string) => `/api/profiles/${profile}/progress`;
const target = (movie: string) => ({ kind: "movie_watch_progress", movie_id: ids[movie] });

async function createMovie(key: string, title: string, genres: string[], rating = "PG-13") {
  const created = await asAdmin("POST", "/api/admin/titles", { type: "movie", title, year: 2025, maturity_rating: rating, runtime_seconds: 5400, genres });
  expect(created.status).toBe(200);
  ids[key] = created.body.id;
}

const publish = async (key: string) => expect((await asAdmin("PUT", `/api/admin/titles/${ids[key]}/published`, { published: true })).status).toBe(200);

beforeAll(async () => {
  admin = (await server.signUp("discovery_admin")).token;
  viewer = await server.signUp("discovery_viewer");
  expect((await asViewer("PUT", "/api/accounts/subscription", { subscription: "premium" })).status).toBe(200);
  for (const name of ["Ada", "Bo"]) expect((await asViewer("POST", `/api/profiles/${name}/new`)).status).toBe(200);
  expect((await asViewer("POST", "/api/profiles/Kid/new")).status).toBe(200);
  expect((await asViewer("PATCH", "/api/profiles/Kid", { kids: true, maturity_rating: "PG-13" })).status).toBe(200);
  for (const slug of ["drama", "mystery", "comedy"]) await asAdmin("POST", "/api/admin/genres", { slug, name: slug });
  await createMovie("premiere", "The Premiere", ["drama", "mystery"]);
  await createMovie("second", "Second Feature", ["drama"]);
  await createMovie("quiet", "Quiet Comedy", ["comedy"]);
  await createMovie("adult", "After Midnight", ["drama", "mystery"], "R");
  for (const key of ["second", "quiet", "adult"]) await publish(key);
});

describe("GET /api/browse/trending", () => {
  it("ranks a newly published title its viewers watch most first, lists nothing unwatched, and hides what a profile may not see", async () => {
    // A draft cannot be watched; published, it is.
    expect((await asViewer("POST", progressPath("Ada"), { ...target("premiere"), progress: 0 })).status).toBe(404);
    await publish("premiere");
    for (const [profile, movie] of [["Ada", "premiere"], ["Bo", "premiere"], ["Ada", "second"], ["Bo", "adult"]]) {
      expect((await asViewer("POST", progressPath(profile), { ...target(movie), progress: 0 })).status).toBe(200);
    }
    await sleep(1_500);
    for (const [profile, movie] of [["Ada", "premiere"], ["Bo", "premiere"], ["Ada", "second"]]) {
      expect((await asViewer("PUT", progressPath(profile), { ...target(movie), progress: 2 })).body.applied).toBe(true);
    }
    expect((await asViewer("PUT", progressPath("Bo"), { ...target("adult"), progress: 1 })).body.applied).toBe(true);

    const day = await server.call("GET", "/api/browse/trending?timeframe=day");
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ timeframe: "day", total: 3, limit: 20, offset: 0 });
    expect(day.body.items.map((i: { id: string }) => i.id)).toEqual([ids.premiere, ids.second, ids.adult]);
    expect(day.body.items[0]).toMatchObject({ type: "movie", title: "The Premiere", genres: [{ slug: "drama" }, { slug: "mystery" }] });

    const week = await server.call("GET", "/api/browse/trending");
    expect(week.body.timeframe).toBe("week");
    expect(week.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.quiet);

    const kid = await asViewer("GET", "/api/browse/trending?timeframe=month&profile=Kid");
    expect(kid.status).toBe(200);
    expect(kid.body.items.map((i: { id: string }) => i.id)).toEqual([ids.premiere, ids.second]);
    const capped = await server.call("GET", "/api/browse/trending?max_maturity_rating=PG-13&genre=drama&limit=1");
    expect(capped.body).toMatchObject({ total: 2, items: [{ id: ids.premiere }] });
  });

  it.each(["timeframe=year", "timeframe=", "timeframe=DAY", "limit=0"])("refuses %s with 422", async (query) => {
    const response = await server.call("GET", `/api/browse/trending?${query}`);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
  });
});

describe("GET /api/movies/{id}/similar", () => {
  it("lists titles sharing genres, never the title itself, what the profile finished, or what it may not see", async () => {
    const all = await server.call("GET", `/api/movies/${ids.premiere}/similar`);
    expect(all.status).toBe(200);
    const allIds = all.body.items.map((i: { id: string }) => i.id);
    expect(allIds).toEqual([ids.adult, ids.second]);
    expect(all.body).toMatchObject({ total: 2, limit: 20, offset: 0 });
    expect(all.body.items[0]).toMatchObject({ shared_genres: 2, shared_people: 0 });

    // Ada finishes Second Feature: it leaves her list; the kids profile never sees the R-rated one.
    expect((await asViewer("PUT", progressPath("Ada"), { ...target("second"), progress: 5400 })).body.watched).toBe(true);
    const forAda = await asViewer("GET", `/api/movies/${ids.premiere}/similar?profile=Ada`);
    expect(forAda.body.items.map((i: { id: string }) => i.id)).toEqual([ids.adult]);
    const forKid = await asViewer("GET", `/api/movies/${ids.premiere}/similar?profile=Kid&limit=5`);
    expect(forKid.body.items.map((i: { id: string }) => i.id)).toEqual([ids.second]);
    expect((await asViewer("GET", `/api/movies/${ids.adult}/similar?profile=Kid`)).body.error.code).toBe("movie_not_found");
  });

  it("answers 404 for an unknown movie, a movie asked for as a show, and 422 for a bad parameter", async () => {
    const unknown = await server.call("GET", "/api/movies/00000000-0000-4000-8000-000000000000/similar");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("movie_not_found");
    const asShow = await server.call("GET", `/api/shows/${ids.premiere}/similar`);
    expect(asShow.status).toBe(404);
    expect(asShow.body.error.code).toBe("show_not_found");
    expect((await server.call("GET", `/api/movies/${ids.premiere}/similar?limit=500`)).status).toBe(422);
    expect((await server.call("GET", "/api/movies/not-a-uuid/similar")).status).toBe(422);
  });
});

describe("history", () => {
  it("filters by status and removes one item with a bearer token, 404 when it is not in the history", async () => {
    const history = (query = "") => asViewer("GET", `/api/profiles/Ada/history${query}`);
    const itemIds = (response: { body: { items: Array<{ id: string }> } }) => response.body.items.map((i) => i.id);
    expect(itemIds(await history("?status=completed"))).toEqual([ids.second]);
    expect(itemIds(await history("?status=in_progress"))).toEqual([ids.premiere]);
    expect((await history()).body.total).toBe(2);
    expect((await history("?status=done")).status).toBe(422);

    const removed = await asViewer("DELETE", `/api/profiles/Ada/history/movie/${ids.premiere}`);
    expect(removed.status).toBe(200);
    expect(itemIds(await history())).toEqual([ids.second]);
    const again = await asViewer("DELETE", `/api/profiles/Ada/history/movie/${ids.premiere}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("not_in_history");
    expect((await asViewer("DELETE", "/api/profiles/Ada/history/movie/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await asViewer("DELETE", `/api/profiles/Ada/history/film/${ids.second}`)).status).toBe(422);
    // Another account's token cannot touch it.
    const stranger = await server.signUp("discovery_stranger");
    expect((await server.call("DELETE", `/api/profiles/Ada/history/movie/${ids.second}`, { token: stranger.token })).status).toBe(404);
  });

  it("removes an item with the site's session cookie", async () => {
    const cookie = await signInToSite(server.url, viewer.username, viewer.password);
    const path = `/api/profiles/Ada/history/movie/${ids.second}`;
    // From another site, the cookie does not count.
    expect((await server.call("DELETE", path, { headers: { cookie, origin: "https://evil.example" } })).status).toBe(403);
    const removed = await server.call("DELETE", path, { headers: { cookie, origin: server.url } });
    expect(removed.status).toBe(200);
    const history = await server.call("GET", "/api/profiles/Ada/history", { headers: { cookie } });
    expect(history.body).toMatchObject({ items: [], total: 0 });
  });
});
