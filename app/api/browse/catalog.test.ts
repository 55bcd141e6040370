import { describe, expect, it } from "vitest";
import { demoMovies, demoShows } from "@/db/seed/demo-data";
import { maturityLevel, type MaturityRating } from "@/lib/catalog/maturity";
import { api, expectEnvelope } from "@/test/http";

// The test server seeds the demo catalog's titles (DEMO_CATALOG=metadata): they are the fixture here.

type Item = { id: string; type: string; title: string; year: number; maturity_rating: string; genres: { slug: string }[]; poster_url: string };

async function allPages(path: string): Promise<Item[]> {
  const items: Item[] = [];
  for (let offset = 0; ; offset += 7) {
    const page = await api("GET", `${path}${path.includes("?") ? "&" : "?"}limit=7&offset=${offset}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    if (offset + 7 >= page.body.total) return items;
  }
}

const movieByTitle = async (title: string) =>
  (await api("GET", `/api/movies?q=${encodeURIComponent(title)}`)).body.items.find((m: Item) => m.title === title) as Item;

describe("GET /api/movies", () => {
  it("lists every published movie, most watched first (then A–Z), 20 per page by default", async () => {
    const response = await api("GET", "/api/movies");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: demoMovies.length, limit: 20, offset: 0 });
    expect(response.body.items).toHaveLength(20);
    // Other test files may have watched some (they lead, app/api/browse/discovery.test.ts ranks them); the rest are A–Z.
    const watched = new Set(((await api("GET", "/api/browse/trending?timeframe=month&limit=100")).body.items as Item[]).map((i) => i.id));
    const unwatched = (response.body.items as Item[]).filter((m) => !watched.has(m.id)).map((m) => m.title);
    expect(unwatched).toEqual([...unwatched].sort((a, b) => a.localeCompare(b)));
    expect(response.body.items[0]).toMatchObject({ type: "movie", runtime_seconds: expect.any(Number), availability: expect.any(String) });
  });

  it("pages with limit and offset without overlap or gaps", async () => {
    const items = await allPages("/api/movies?sort=title");
    expect(items).toHaveLength(demoMovies.length);
    expect(new Set(items.map((m) => m.id)).size).toBe(demoMovies.length);
    const titles = items.map((m) => m.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const past = await api("GET", "/api/movies?offset=500");
    expect(past.body).toMatchObject({ items: [], total: demoMovies.length, offset: 500 });
  });

  it("filters by genre, year, exact and maximum maturity rating, and title words", async () => {
    const comedies = await allPages("/api/movies?genre=comedy");
    expect(comedies.length).toBe(demoMovies.filter((m) => m.genres.includes("comedy")).length);
    expect(comedies.every((m) => m.genres.some((g) => g.slug === "comedy"))).toBe(true);

    const year = demoMovies[3].year;
    const ofYear = await allPages(`/api/movies?year=${year}`);
    expect(ofYear.map((m) => m.title).sort()).toEqual(demoMovies.filter((m) => m.year === year).map((m) => m.title).sort());

    const rated = await allPages("/api/movies?maturity_rating=R");
    expect(rated.length).toBe(demoMovies.filter((m) => m.maturityRating === "R").length);

    const family = await allPages("/api/movies?max_maturity_rating=PG");
    expect(family.length).toBe(demoMovies.filter((m) => maturityLevel(m.maturityRating) <= 1).length);
    expect(family.every((m) => maturityLevel(m.maturity_rating as MaturityRating) <= 1)).toBe(true);

    const words = await api("GET", "/api/movies?q=lighthouse");
    expect(words.body.items.map((m: Item) => m.title)).toContain("The Last Lighthouse of Vellmark");
    expect((await api("GET", "/api/movies?q=100%25_")).body.items).toEqual([]);
  });

  it("sorts by year, newest first", async () => {
    const years = (await allPages("/api/movies?sort=year")).map((m) => m.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it.each([
    "limit=100000",
    "limit=0",
    "limit=abc",
    "offset=-1",
    "offset=1.5",
    "year=abc",
    "sort=random",
    "maturity_rating=XXX",
    "max_maturity_rating=adult",
    `q=${"x".repeat(201)}`,
  ])("rejects %s with 422", async (query) => {
    expectEnvelope(await api("GET", `/api/movies?${query}`), 422, "validation_failed");
  });
});

describe("GET /api/movies/{movie_id}", () => {
  it("returns the movie with its cast, directors and media fields", async () => {
    const source = demoMovies[0];
    const { id } = await movieByTitle(source.title);
    const response = await api("GET", `/api/movies/${id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, title: source.title, year: source.year, maturity_rating: source.maturityRating });
    expect(response.body.cast.map((c: { name: string }) => c.name)).toEqual(source.cast.map((c) => c.name));
    expect(response.body.cast[0].character).toBe(source.cast[0].character);
    expect(response.body.directors.map((d: { name: string }) => d.name)).toEqual(source.directors);
    expect(response.body).toHaveProperty("subtitles");
    expect(response.body).toHaveProperty("available_qualities");
  });

  it("answers 404 for an unknown id or a show's id, 422 for a malformed one", async () => {
    expectEnvelope(await api("GET", "/api/movies/00000000-0000-4000-8000-000000000000"), 404, "movie_not_found");
    const show = (await api("GET", "/api/shows?limit=1")).body.items[0];
    expectEnvelope(await api("GET", `/api/movies/${show.id}`), 404, "movie_not_found");
    for (const bad of ["123", "not-a-uuid", "'%20OR%201=1", "00000000-0000-4000-8000-00000000000g"]) {
      expectEnvelope(await api("GET", `/api/movies/${bad}`), 422, "validation_failed");
    }
  });
});

describe("GET /api/shows and episodes", () => {
  const source = demoShows[0];

  async function showId(title: string): Promise<string> {
    return (await api("GET", `/api/shows?q=${encodeURIComponent(title)}`)).body.items.find((s: Item) => s.title === title).id;
  }

  it("lists shows with their season counts", async () => {
    const shows = await allPages("/api/shows");
    expect(shows).toHaveLength(demoShows.length);
    const first = shows.find((s) => s.title === source.title) as Item & { season_count: number };
    expect(first.season_count).toBe(source.seasons.length);
    expect(first.type).toBe("show");
  });

  it("returns a show with every season and episode in order", async () => {
    const response = await api("GET", `/api/shows/${await showId(source.title)}`);
    expect(response.status).toBe(200);
    expect(response.body.seasons.map((s: { season: number }) => s.season)).toEqual(source.seasons.map((s) => s.number));
    expect(response.body.seasons[0].episodes.map((e: { title: string }) => e.title)).toEqual(source.seasons[0].episodes.map((e) => e.title));
    expect(response.body.creators.map((c: { name: string }) => c.name)).toEqual(source.creators);
  });

  it("returns one episode with `next`, across seasons, and null after the last", async () => {
    const id = await showId(source.title);
    const [s1, s2] = source.seasons;
    const first = await api("GET", `/api/shows/${id}/seasons/1/episodes/1`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ show_id: id, show_title: source.title, season: 1, episode: 1, title: s1.episodes[0].title, next: { season: 1, episode: 2 } });

    const endOfSeason = await api("GET", `/api/shows/${id}/seasons/1/episodes/${s1.episodes.length}`);
    expect(endOfSeason.body.next).toEqual({ season: 2, episode: s2.episodes[0].number });

    const last = source.seasons.at(-1)!;
    const finale = await api("GET", `/api/shows/${id}/seasons/${last.number}/episodes/${last.episodes.at(-1)!.number}`);
    expect(finale.body.next).toBeNull();
  });

  it("answers 404 for unknown shows and episodes, 422 for malformed numbers", async () => {
    const id = await showId(source.title);
    expectEnvelope(await api("GET", "/api/shows/00000000-0000-4000-8000-000000000000"), 404, "show_not_found");
    expectEnvelope(await api("GET", `/api/shows/${id}/seasons/99/episodes/1`), 404, "episode_not_found");
    expectEnvelope(await api("GET", `/api/shows/${id}/seasons/1/episodes/999`), 404, "episode_not_found");
    expectEnvelope(await api("GET", "/api/shows/00000000-0000-4000-8000-000000000000/seasons/1/episodes/1"), 404, "show_not_found");
    for (const path of ["seasons/one/episodes/1", "seasons/1/episodes/-1", "seasons/1.5/episodes/1", "seasons/1/episodes/1e9"]) {
      expectEnvelope(await api("GET", `/api/shows/${id}/${path}`), 422, "validation_failed");
    }
  });
});

describe("genres, trending and new", () => {
  it("lists genres with title counts, optionally within a maturity rating", async () => {
    const all = (await api("GET", "/api/genres")).body.items as Array<{ slug: string; title_count: number }>;
    const comedy = all.find((g) => g.slug === "comedy")!;
    const expected = [...demoMovies, ...demoShows].filter((t) => t.genres.includes("comedy")).length;
    expect(comedy.title_count).toBe(expected);
    const kids = (await api("GET", "/api/genres?max_maturity_rating=G")).body.items as Array<{ slug: string; title_count: number }>;
    expect(kids.reduce((n, g) => n + g.title_count, 0)).toBeLessThan(all.reduce((n, g) => n + g.title_count, 0));
  });

  it("new puts the latest releases first and honours a maturity limit", async () => {
    const items = (await api("GET", "/api/browse/new?limit=5")).body.items as Array<Item>;
    const newestYear = Math.max(...[...demoMovies, ...demoShows].map((t) => t.year));
    expect(items[0].year).toBe(newestYear);
    const kids = await allPages("/api/browse/new?max_maturity_rating=TV-G");
    expect(kids.every((i) => maturityLevel(i.maturity_rating as MaturityRating) === 0)).toBe(true);
  });
});

describe("artwork", () => {
  it("serves generated posters with caching, ranges, and nothing outside the artwork folder", async () => {
    const { poster_url } = (await api("GET", "/api/movies?limit=1")).body.items[0];
    const poster = await api("GET", poster_url);
    expect(poster.status).toBe(200);
    expect(poster.headers.get("content-type")).toBe("image/svg+xml");
    expect(poster.headers.get("cache-control")).toContain("max-age");
    expect(poster.text).toContain("<svg");
    const part = await api("GET", poster_url, { headers: { range: "bytes=0-9" } });
    expect(part.status).toBe(206);
    expect(part.text).toHaveLength(10);
    expect((await api("GET", poster_url, { headers: { range: "bytes=999999999-" } })).status).toBe(416);
    for (const path of ["/artwork/%2e%2e/%2e%2e/pglite/PG_VERSION", "/artwork/..%2f..%2fetc%2fpasswd", "/artwork/missing.svg"]) {
      expect((await api("GET", path)).status).toBe(404);
    }
  });
});
