// Collections, featured titles and the home rows over HTTP, on a server and database of this file's own (no demo
// catalog): admin CRUD and ordering of collections (non-admins refused), drafts invisible, kids profiles seeing only
// what they may, the hero from featured titles, and GET /api/browse/home answering the very rows and titles the
// site's browse page renders, with a bearer token and with the site's cookie.
import { beforeAll, describe, expect, it } from "vitest";
import { chooseProfileOnSite, signInToSite } from "@/test/web-session";
import { useAdminServer } from "../admin/test-server";

const server = useAdminServer();
let admin: string;
let viewer: { token: string; username: string; password: string };
let stranger: string;
const ids: Record<string, string> = {};

const asAdmin = (method: string, path: string, body?: unknown) => server.call(method, path, { token: admin, body });
const asViewer = (method: string, path: string, body?: unknown) => server.call(method, path, { token: viewer.token, body });
const titlesOf = (items: Array<{ id: string }>) => items.map((item) => item.id);

async function createTitle(key: string, title: string, rating: string, genres: string[], type: "movie" | "show" = "movie", published = true) {
  const body = { type, title, year: 2024, maturity_rating: rating, genres, ...(type === "movie" ? { runtime_seconds: 5400 } : {}) };
  const created = await asAdmin("POST", "/api/admin/titles", body);
  expect(created.status).toBe(200);
  ids[key] = created.body.id;
  if (published) expect((await asAdmin("PUT", `/api/admin/titles/${ids[key]}/published`, { published: true })).status).toBe(200);
}

beforeAll(async () => {
  admin = (await server.signUp("home_admin")).token;
  viewer = await server.signUp("home_viewer");
  stranger = (await server.signUp("home_stranger")).token;
  expect((await asViewer("PUT", "/api/accounts/subscription", { subscription: "premium" })).status).toBe(200);
  expect((await asViewer("POST", "/api/profiles/Ada/new")).status).toBe(200);
  expect((await asViewer("POST", "/api/profiles/Kid/new")).status).toBe(200);
  expect((await asViewer("PATCH", "/api/profiles/Kid", { kids: true, maturity_rating: "PG" })).status).toBe(200);
  for (const slug of ["documentary", "drama", "family"]) expect((await asAdmin("POST", "/api/admin/genres", { slug, name: slug })).status).toBe(200);
  await createTitle("tiny", "Tiny Worlds", "G", ["documentary", "family"]);
  await createTitle("ocean", "Ocean Floor", "PG", ["documentary"]);
  await createTitle("war", "War Diaries", "R", ["documentary", "drama"]);
  await createTitle("saga", "Harbour Saga", "TV-14", ["drama"], "show");
  await createTitle("draft", "Unfinished Cut", "G", ["documentary"], "movie", false);
});

describe("admin collections API", () => {
  it("refuses anyone but an admin (403), with a bearer token or none", async () => {
    for (const token of [stranger, undefined]) {
      expect((await server.call("GET", "/api/admin/collections", { token })).status).toBe(403);
      expect((await server.call("POST", "/api/admin/collections", { token, body: { slug: "nope", title: "Nope" } })).status).toBe(403);
      expect((await server.call("PUT", "/api/admin/featured", { token, body: { title_ids: [] } })).status).toBe(403);
      expect((await server.call("PUT", `/api/admin/titles/${ids.tiny}/featured`, { token, body: { featured: true } })).status).toBe(403);
    }
    expect((await server.call("GET", "/api/admin/collections")).body.error.code).toBe("forbidden");
  });

  it("creates, reads, edits, orders and deletes a collection", async () => {
    const created = await asAdmin("POST", "/api/admin/collections", { slug: "docs", title: "Documentaries", title_ids: [ids.war, ids.tiny] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: "docs", title: "Documentaries", description: null, position: 0, published: false });
    expect(titlesOf(created.body.items)).toEqual([ids.war, ids.tiny]);
    const id = created.body.id as string;

    expect((await asAdmin("POST", "/api/admin/collections", { slug: "docs", title: "Again" })).body.error.code).toBe("collection_slug_taken");
    expect((await asAdmin("POST", "/api/admin/collections", { slug: "Not A Slug", title: "x" })).status).toBe(422);
    const unknownTitle = await asAdmin("POST", "/api/admin/collections", { slug: "ghosts", title: "Ghosts", title_ids: ["00000000-0000-4000-8000-000000000000"] });
    expect(unknownTitle.status).toBe(422);
    expect(unknownTitle.body.error.details[0].field).toBe("body.title_ids.0");
    expect((await asAdmin("PUT", `/api/admin/collections/${id}/items`, { title_ids: [ids.tiny, ids.tiny] })).status).toBe(422);

    const patched = await asAdmin("PATCH", `/api/admin/collections/${id}`, { description: "True stories.", position: 3 });
    expect(patched.body).toMatchObject({ slug: "docs", description: "True stories.", position: 3 });
    const ordered = await asAdmin("PUT", `/api/admin/collections/${id}/items`, { title_ids: [ids.ocean, ids.tiny, ids.war, ids.draft] });
    expect(titlesOf(ordered.body.items)).toEqual([ids.ocean, ids.tiny, ids.war, ids.draft]);
    expect(ordered.body.items[3]).toMatchObject({ title: "Unfinished Cut", published: false });
    expect(titlesOf((await asAdmin("GET", `/api/admin/collections/${id}`)).body.items)).toEqual([ids.ocean, ids.tiny, ids.war, ids.draft]);
    expect((await asAdmin("GET", "/api/admin/collections")).body.items.map((c: { slug: string }) => c.slug)).toEqual(["docs"]);

    const other = await asAdmin("POST", "/api/admin/collections", { slug: "short-lived", title: "Short-lived" });
    expect((await asAdmin("PATCH", `/api/admin/collections/${other.body.id}`, { slug: "docs" })).body.error.code).toBe("collection_slug_taken");
    expect((await asAdmin("DELETE", `/api/admin/collections/${other.body.id}`)).status).toBe(200);
    expect((await asAdmin("GET", `/api/admin/collections/${other.body.id}`)).body.error.code).toBe("collection_not_found");
    expect((await asAdmin("DELETE", `/api/admin/collections/${other.body.id}`)).status).toBe(404);
    ids.docs = id;
  });
});

describe("public collections", () => {
  it("hides an unpublished collection, then lists the published one's visible titles in order", async () => {
    expect((await server.call("GET", "/api/collections")).body).toMatchObject({ items: [], total: 0 });
    expect((await server.call("GET", "/api/collections/docs")).body.error.code).toBe("collection_not_found");

    expect((await asAdmin("PATCH", `/api/admin/collections/${ids.docs}`, { published: true })).status).toBe(200);
    const list = await server.call("GET", "/api/collections");
    expect(list.body).toMatchObject({ total: 1, items: [{ slug: "docs", title: "Documentaries", description: "True stories.", item_count: 3 }] });
    // The draft title drops out until it is published.
    expect(titlesOf(list.body.items[0].items)).toEqual([ids.ocean, ids.tiny, ids.war]);
    const one = await server.call("GET", "/api/collections/docs?limit=2&offset=1");
    expect(one.body).toMatchObject({ slug: "docs", total: 3, limit: 2, offset: 1 });
    expect(titlesOf(one.body.items)).toEqual([ids.tiny, ids.war]);

    await asAdmin("PUT", `/api/admin/collections/${ids.docs}/items`, { title_ids: [ids.war, ids.ocean, ids.tiny] });
    expect(titlesOf((await server.call("GET", "/api/collections/docs")).body.items)).toEqual([ids.war, ids.ocean, ids.tiny]);
  });

  it("shows a kids profile only what it may see, and not at all a collection it may see nothing of", async () => {
    const adultOnly = await asAdmin("POST", "/api/admin/collections", { slug: "grown-ups", title: "Grown-ups", published: true, title_ids: [ids.war, ids.saga] });
    expect(adultOnly.status).toBe(201);
    const kid = await asViewer("GET", "/api/collections?profile=Kid");
    expect(kid.body.items.map((c: { slug: string }) => c.slug)).toEqual(["docs"]);
    expect(titlesOf(kid.body.items[0].items)).toEqual([ids.ocean, ids.tiny]);
    expect((await asViewer("GET", "/api/collections/grown-ups?profile=Kid")).body.error.code).toBe("collection_not_found");
    expect(titlesOf((await asViewer("GET", "/api/collections/grown-ups?profile=Ada")).body.items)).toEqual([ids.war, ids.saga]);
    expect((await asAdmin("DELETE", `/api/admin/collections/${adultOnly.body.id}`)).status).toBe(200);
  });

  it("refuses unknown parameters (422 unknown_parameter)", async () => {
    for (const path of ["/api/collections?sort=new", "/api/collections/docs?genre=drama", "/api/browse/home?limit=5"]) {
      const answer = await server.call("GET", path);
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe("unknown_parameter");
    }
  });
});

type Row = { id: string; kind: string; title: string; items: Array<{ id: string }> };

/** The rows of the site's browse page, from its HTML: the hero's titles (its dots, or its one slide) and each row's cards. */
function rowsOfPage(html: string): Array<{ id: string; items: string[] }> {
  const rows: Array<{ id: string; items: string[] }> = [];
  const dots = [...html.matchAll(/data-hero-dot="([^"]+)"/g)].map((m) => m[1]);
  const slide = /data-hero-slide="([^"]+)"/.exec(html)?.[1];
  if (slide) rows.push({ id: "hero", items: dots.length ? dots : [slide] });
  const sections = html.split(/(?=data-home-row=")/).slice(1);
  for (const section of sections) {
    const id = /^data-home-row="([^"]+)"/.exec(section)![1];
    rows.push({ id, items: [...section.matchAll(/data-title-card="([^"]+)"/g)].map((m) => m[1]) });
  }
  return rows;
}

const rowsOfApi = (rows: Row[]) => rows.map((row) => ({ id: row.id, items: titlesOf(row.items) }));

describe("GET /api/browse/home", () => {
  it("features titles in the hero in order, each profile only those it may see, and falls back when none is", async () => {
    const fallback = await server.call("GET", "/api/browse/home");
    expect(fallback.status).toBe(200);
    expect(fallback.body.rows[0]).toMatchObject({ id: "hero", kind: "hero" });
    expect(fallback.body.rows[0].items).toHaveLength(1);

    expect((await asAdmin("PUT", `/api/admin/titles/${ids.war}/featured`, { featured: true })).status).toBe(200);
    const featured = await asAdmin("PUT", "/api/admin/featured", { title_ids: [ids.saga, ids.war, ids.tiny] });
    expect(titlesOf(featured.body.items)).toEqual([ids.saga, ids.war, ids.tiny]);
    expect(titlesOf((await asAdmin("PUT", `/api/admin/titles/${ids.ocean}/featured`, { featured: true })).body.items)).toEqual([ids.saga, ids.war, ids.tiny, ids.ocean]);
    expect(titlesOf((await asAdmin("GET", "/api/admin/featured")).body.items)).toEqual([ids.saga, ids.war, ids.tiny, ids.ocean]);

    const hero = (path: string, token?: string) => server.call("GET", path, { token }).then((r) => r.body.rows.find((row: Row) => row.kind === "hero"));
    expect(titlesOf((await hero("/api/browse/home")).items)).toEqual([ids.saga, ids.war, ids.tiny, ids.ocean]);
    expect(titlesOf((await hero("/api/browse/home?profile=Kid", viewer.token)).items)).toEqual([ids.tiny, ids.ocean]);

    // Unpublishing takes a title out of every hero and row at once.
    await asAdmin("PUT", `/api/admin/titles/${ids.saga}/published`, { published: false });
    expect(titlesOf((await hero("/api/browse/home?profile=Ada", viewer.token)).items)).toEqual([ids.war, ids.tiny, ids.ocean]);
    await asAdmin("PUT", `/api/admin/titles/${ids.saga}/published`, { published: true });
    expect(titlesOf((await asAdmin("PUT", `/api/admin/titles/${ids.ocean}/featured`, { featured: false })).body.items)).toEqual([ids.saga, ids.war, ids.tiny]);
  });

  it("places a collection among the rows by its position and filters it for a kids profile", async () => {
    const rows = async (path: string) => (await asViewer("GET", path)).body.rows as Row[];
    await asAdmin("PATCH", `/api/admin/collections/${ids.docs}`, { position: 1 });
    const ada = await rows("/api/browse/home?profile=Ada");
    const index = ada.findIndex((row) => row.id === "collection:docs");
    expect(ada[index]).toMatchObject({ kind: "collection", title: "Documentaries", slug: "docs", description: "True stories." });
    expect(titlesOf(ada[index].items)).toEqual([ids.war, ids.ocean, ids.tiny]);
    // After the hero and one other row.
    expect(index).toBe(2);
    await asAdmin("PATCH", `/api/admin/collections/${ids.docs}`, { position: 0 });
    expect((await rows("/api/browse/home?profile=Ada"))[1].id).toBe("collection:docs");

    const kid = await rows("/api/browse/home?profile=Kid");
    const kidsDocs = kid.find((row) => row.id === "collection:docs")!;
    expect(titlesOf(kidsDocs.items)).toEqual([ids.ocean, ids.tiny]);
    for (const row of kid) for (const item of row.items) expect([ids.tiny, ids.ocean], `${row.id}: ${item.id}`).toContain(item.id);
    expect(kid.some((row) => row.kind === "for_sale" || row.kind === "trending")).toBe(false);

    await asAdmin("PATCH", `/api/admin/collections/${ids.docs}`, { published: false });
    expect((await rows("/api/browse/home?profile=Ada")).some((row) => row.kind === "collection")).toBe(false);
    await asAdmin("PATCH", `/api/admin/collections/${ids.docs}`, { published: true, position: 2 });
  });

  it("answers the rows and titles the site's browse page renders, in its order, for a bearer token and the site's cookie", async () => {
    // Give Ada rows of her own: something in progress and something on her list.
    const progress = { kind: "movie_watch_progress", movie_id: ids.ocean, progress: 600 };
    expect((await asViewer("POST", "/api/profiles/Ada/progress", progress)).status).toBe(200);
    expect((await asViewer("PUT", `/api/profiles/Ada/watchlist/movie/${ids.war}`)).status).toBe(200);

    const base = server.url;
    const signedIn = await signInToSite(base, viewer.username, viewer.password, "10.97.0.1");
    for (const profile of ["Ada", "Kid"]) {
      const cookie = await chooseProfileOnSite(base, signedIn, profile);
      const page = await fetch(`${base}/browse`, { headers: { cookie } });
      expect(page.status).toBe(200);
      const shown = rowsOfPage(await page.text());
      expect(shown.map((row) => row.id)).toEqual(expect.arrayContaining(["hero", "collection:docs", "new"]));
      expect(shown.every((row) => row.items.length > 0)).toBe(true);

      const byToken = await asViewer("GET", `/api/browse/home?profile=${profile}`);
      expect(byToken.status).toBe(200);
      expect(rowsOfApi(byToken.body.rows), profile).toEqual(shown);
      const byCookie = await server.call("GET", `/api/browse/home?profile=${profile}`, { headers: { cookie } });
      expect(byCookie.status).toBe(200);
      expect(byCookie.body).toEqual(byToken.body);

      const kinds = byToken.body.rows.map((row: Row) => row.kind);
      if (profile === "Ada") expect(kinds).toEqual(expect.arrayContaining(["hero", "continue_watching", "my_list", "collection", "new", "genre"]));
      else expect(kinds).toEqual(expect.arrayContaining(["hero", "collection", "popular", "new", "genre"]));
    }
    // The API needs a token to act as a profile.
    expect((await server.call("GET", "/api/browse/home?profile=Ada")).status).toBe(403);
    expect((await asViewer("GET", "/api/browse/home?profile=Nobody")).status).toBe(404);
  });
});
