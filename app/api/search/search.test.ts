import { describe, expect, it } from "vitest";
import { demoMovies, demoShows } from "@/db/seed/demo-data";
import { api, expectEnvelope } from "@/test/http";

// Runs against the demo catalog's titles (DEMO_CATALOG=metadata on the test server).

type Hit = { type: string; id: string; title: string; score: number; [key: string]: unknown };

async function search(query: string): Promise<Hit[]> {
  const response = await api("GET", `/api/search?${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body.items;
}

const rank = (hits: Hit[], title: string) => hits.findIndex((hit) => hit.title === title);

describe("GET /api/search", () => {
  it("puts an exact title first", async () => {
    const hits = await search("q=Marrowgate");
    expect(hits[0]).toMatchObject({ type: "movie", title: "Marrowgate" });
    expect(hits[0].score).toBeGreaterThan(0);
  });

  it.each([
    ["Phantasmagorical", "fantasmagorical", "The Phantasmagorical Dirigible"],
    ["a dropped letter", "lighthose", "The Last Lighthouse of Vellmark"],
    ["swapped letters", "quicksilver walts", "Quicksilver Waltz"],
    ["a missing accent", "cafe ultimo", "Café Último"],
    ["a doubled letter", "extraordinarilly quiet", "Extraordinarily Quiet Neighbours"],
  ])("finds a title despite %s", async (_, typed, title) => {
    const hits = await search(`q=${encodeURIComponent(typed)}`);
    expect(rank(hits, title), JSON.stringify(hits.slice(0, 5))).toBeGreaterThanOrEqual(0);
    expect(rank(hits, title)).toBeLessThan(3);
  });

  it("finds the titles of a genre named by the query, or by a mood", async () => {
    const genreTitles = async (genre: string) => {
      const [movies, shows] = await Promise.all(["movies", "shows"].map((kind) => api("GET", `/api/${kind}?genre=${genre}&limit=100`)));
      return new Set([...movies.body.items, ...shows.body.items].map((title: { id: string }) => title.id));
    };
    for (const [query, genre] of [["comedy", "comedy"], ["Sci-Fi", "sci-fi"], ["something funny", "comedy"], ["scary", "horror"]]) {
      const expected = await genreTitles(genre);
      expect(expected.size, genre).toBeGreaterThan(0);
      const hits = (await search(`q=${encodeURIComponent(query)}&type=movie`)).concat(await search(`q=${encodeURIComponent(query)}&type=show`));
      const found = hits.filter((hit) => expected.has(hit.id));
      expect(found.length, `${query}: ${JSON.stringify(hits.slice(0, 5))}`).toBe(Math.min(expected.size, 20));
    }
    // A title named like the query still comes before the genre's other titles.
    expect((await search("q=Marrowgate"))[0].title).toBe("Marrowgate");
  });

  it("works as you type, from the first letters of a word", async () => {
    for (const typed of ["Dus", "Dustw", "Dustwalk"]) {
      expect(rank(await search(`q=${typed}`), "Dustwalker")).toBeLessThan(3);
    }
    expect((await search("q=ne")).length).toBeGreaterThan(0);
  });

  it("finds people, with what they are known for, even misspelt", async () => {
    const hits = await search("q=oswin+thackery&type=person");
    expect(hits[0]).toMatchObject({ type: "person", title: "Oswin Thackeray" });
    expect((hits[0].known_for as string[]).length).toBeGreaterThan(0);
  });

  it("finds episodes with their show, season and number", async () => {
    const title = "The Bell Ringer's Secret";
    const show = demoShows.find((s) => s.seasons.some((season) => season.episodes.some((e) => e.title === title)))!;
    const hits = await search("q=bell+ringers+secret&type=episode");
    expect(hits[0]).toMatchObject({ type: "episode", title, show_title: show.title, show_id: expect.any(String) });
    expect(hits[0].season).toEqual(expect.any(Number));
    expect(hits[0].episode).toEqual(expect.any(Number));
  });

  it("filters by type and by maturity rating", async () => {
    expect((await search("q=the&type=show")).every((hit) => hit.type === "show")).toBe(true);
    const restricted = demoMovies.find((m) => m.maturityRating === "R")!;
    const q = encodeURIComponent(restricted.title);
    expect(rank(await search(`q=${q}`), restricted.title)).toBe(0);
    const kids = await search(`q=${q}&max_maturity_rating=PG`);
    expect(rank(kids, restricted.title)).toBe(-1);
    expect(kids.every((hit) => hit.type === "person" || ["G", "PG", "TV-Y", "TV-Y7", "TV-G", "TV-PG"].includes(hit.maturity_rating as string))).toBe(true);
  });

  it("honours limit and ranks best first", async () => {
    const hits = await search("q=the&limit=5");
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it.each(["", "q=", "q=a", `q=${"x".repeat(201)}`, "q=ok&type=song", "q=ok&limit=101"])("rejects %j with 422", async (query) => {
    expectEnvelope(await api("GET", `/api/search?${query}`), 422, "validation_failed");
  });

  it("treats hostile queries as text", async () => {
    for (const q of ["' OR 1=1 --", "%%", "__", "a:* | b", "!(x)", "\\\\", "🎬🎬", "<script>", "ünïcödé"]) {
      const response = await api("GET", `/api/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
  });
});
