// The catalog cache (lib/catalog/cache.ts) is never stale after an admin change (titles, collections, featured titles): on PostgreSQL across TWO app
// instances (the change made through one, read through the other, which must see it within a second), on PGlite on the
// one instance. Reads are made before each change so that the instance has them cached. On PostgreSQL the test also
// proves that answers do come from the cache: a change written with triggers off (no NOTIFY) is not seen until an
// announced change arrives. And the HTTP side: ETag, 304, public for anonymous callers and private for the others.
import fs from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAdminClient, type AdminServer } from "@/app/api/admin/test-server";
import { createTestDatabase, startServer, tempDataDir, type ServerHandle } from "@/test/server-process";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const servers: ServerHandle[] = [];
const dataDirs: string[] = [];
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let a: AdminServer;
let b: AdminServer;

beforeAll(async () => {
  database = onPostgres ? await createTestDatabase(process.env.TEST_DATABASE_URL!) : undefined;
  for (const name of onPostgres ? ["a", "b"] : ["a"]) {
    const dataDir = tempDataDir(`catalog-cache-${name}`);
    dataDirs.push(dataDir);
    servers.push(await startServer({ DATA_DIR: dataDir, DATABASE_URL: database?.url ?? "", DEMO_CATALOG: "off", RATE_LIMIT_MULTIPLIER: "50" }));
  }
  [a, b] = servers.map((server, i) => withAdminClient({ url: server.url, dataDir: dataDirs[i] } as AdminServer));
  b ??= a;
}, 180_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await database?.drop();
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

type Read = { status: number; body: any; headers: Headers };

/**
 * Reads `path` on `server` until `ok` holds: at once on the instance that made the change, within a second on the
 * other (its cache hears of the change by NOTIFY). Fails with the last answer otherwise.
 */
async function seen(server: AdminServer, path: string, ok: (read: Read) => boolean, token?: string): Promise<Read> {
  const deadline = Date.now() + (server === a ? 0 : 1_000);
  for (;;) {
    const read = await server.call("GET", path, { token });
    if (ok(read)) return read;
    if (Date.now() >= deadline) throw new Error(`${server === a ? "writer" : "other instance"}: GET ${path} still answers ${read.status} ${read.text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const ids = (read: Read) => (read.body?.items ?? []).map((item: { id: string }) => item.id) as string[];

describe(`catalog cache (${onPostgres ? "two instances on PostgreSQL" : "PGlite"})`, () => {
  it("answers nothing stale after publish, maturity change, offers change, unpublish and delete", { timeout: 120_000 }, async () => {
    const admin = (await a.signUp("cache_admin")).token;
    const viewer = (await a.signUp("cache_viewer")).token;
    expect((await a.call("POST", "/api/profiles/Teen/new", { token: viewer })).status).toBe(200);
    expect((await a.call("PATCH", "/api/profiles/Teen", { token: viewer, body: { maturity_rating: "PG-13" } })).body.maturity_rating).toBe("PG-13");
    const created = await a.call("POST", "/api/admin/titles", {
      token: admin,
      body: { type: "movie", title: "Quokka Lantern", year: 2024, maturity_rating: "PG", runtime_seconds: 600 },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const detail = `/api/movies/${id}`;
    const lists = ["/api/movies?sort=title", "/api/browse/new", "/api/search?q=quokka", "/api/movies?sort=popular"];

    // Warm both instances' caches with the title unpublished.
    for (const server of [a, b]) {
      expect((await server.call("GET", detail)).status).toBe(404);
      for (const list of lists) expect(ids(await server.call("GET", list))).not.toContain(id);
      expect((await server.call("GET", `${detail}?profile=Teen`, { token: viewer })).status).toBe(404);
    }

    // Publish.
    expect((await a.call("PUT", `/api/admin/titles/${id}/published`, { token: admin, body: { published: true } })).status).toBe(200);
    for (const server of [a, b]) {
      await seen(server, detail, (r) => r.status === 200 && r.body.maturity_rating === "PG");
      for (const list of lists) await seen(server, list, (r) => ids(r).includes(id));
      await seen(server, `${detail}?profile=Teen`, (r) => r.status === 200, viewer);
      await seen(server, "/api/movies?sort=title&profile=Teen", (r) => ids(r).includes(id), viewer);
    }

    // Maturity change: out of the PG-13 profile's reach, still there for anyone.
    expect((await a.call("PATCH", `/api/admin/titles/${id}`, { token: admin, body: { maturity_rating: "R" } })).status).toBe(200);
    for (const server of [a, b]) {
      await seen(server, detail, (r) => r.status === 200 && r.body.maturity_rating === "R");
      await seen(server, `${detail}?profile=Teen`, (r) => r.status === 404, viewer);
      await seen(server, "/api/movies?sort=title&profile=Teen", (r) => r.status === 200 && !ids(r).includes(id), viewer);
      await seen(server, "/api/search?q=quokka&profile=Teen", (r) => r.status === 200 && !ids(r).includes(id), viewer);
      await seen(server, "/api/movies?sort=title", (r) => r.body.items.find((m: { id: string }) => m.id === id)?.maturity_rating === "R");
    }

    // Offers change.
    const offers = { access: "rent_or_buy", offers: [{ kind: "rent", price_cents: 399, rental_hours: 48, start_within_days: 30 }] };
    expect((await a.call("PUT", `/api/admin/titles/${id}/offers`, { token: admin, body: offers })).status).toBe(200);
    for (const server of [a, b]) {
      await seen(server, detail, (r) => r.body.access === "rent_or_buy" && r.body.offers?.[0]?.price_cents === 399);
      await seen(server, "/api/movies?sort=title", (r) => r.body.items.find((m: { id: string }) => m.id === id)?.access === "rent_or_buy");
    }

    // Unpublish.
    expect((await a.call("PUT", `/api/admin/titles/${id}/published`, { token: admin, body: { published: false } })).status).toBe(200);
    for (const server of [a, b]) {
      await seen(server, detail, (r) => r.status === 404);
      for (const list of lists) await seen(server, list, (r) => r.status === 200 && !ids(r).includes(id));
    }

    // Published again, then deleted.
    expect((await a.call("PUT", `/api/admin/titles/${id}/published`, { token: admin, body: { published: true } })).status).toBe(200);
    for (const server of [a, b]) await seen(server, detail, (r) => r.status === 200);
    expect((await a.call("DELETE", `/api/admin/titles/${id}`, { token: admin })).status).toBe(200);
    for (const server of [a, b]) {
      await seen(server, detail, (r) => r.status === 404);
      for (const list of lists) await seen(server, list, (r) => r.status === 200 && !ids(r).includes(id));
    }
  });

  it("answers no stale collection, featured title or home row after an admin change", { timeout: 120_000 }, async () => {
    const admin = (await a.call("POST", "/api/accounts/token", { body: { username: "cache_admin", password: "correct horse battery" } })).body.bearer_token;
    const movie = async (title: string) => {
      const created = await a.call("POST", "/api/admin/titles", { token: admin, body: { type: "movie", title, year: 2022, maturity_rating: "PG", runtime_seconds: 600 } });
      await a.call("PUT", `/api/admin/titles/${created.body.id}/published`, { token: admin, body: { published: true } });
      return created.body.id as string;
    };
    const [first, second] = [await movie("Numbat Parade"), await movie("Numbat Encore")];
    const created = await a.call("POST", "/api/admin/collections", { token: admin, body: { slug: "numbats", title: "Numbats", title_ids: [first] } });
    expect(created.status).toBe(201);
    const collection = `/api/admin/collections/${created.body.id}`;
    const homeRow = (r: Read) => (r.body.rows as Array<{ id: string; items: Array<{ id: string }> }>).find((row) => row.id === "collection:numbats");
    const hero = (r: Read) => (r.body.rows as Array<{ kind: string; items: Array<{ id: string }> }>).find((row) => row.kind === "hero")?.items.map((i) => i.id) ?? [];

    // Warm both instances with the collection unpublished and nothing featured.
    for (const server of [a, b]) {
      expect((await server.call("GET", "/api/collections")).body.total).toBe(0);
      expect((await server.call("GET", "/api/collections/numbats")).status).toBe(404);
      expect(homeRow(await server.call("GET", "/api/browse/home"))).toBeUndefined();
    }

    expect((await a.call("PATCH", collection, { token: admin, body: { published: true } })).status).toBe(200);
    for (const server of [a, b]) {
      await seen(server, "/api/collections", (r) => r.body.items?.[0]?.slug === "numbats");
      await seen(server, "/api/collections/numbats", (r) => r.status === 200 && ids(r).join() === first);
      await seen(server, "/api/browse/home", (r) => homeRow(r)?.items.map((i) => i.id).join() === first);
    }

    expect((await a.call("PUT", `${collection}/items`, { token: admin, body: { title_ids: [second, first] } })).status).toBe(200);
    for (const server of [a, b]) {
      await seen(server, "/api/collections/numbats", (r) => ids(r).join() === [second, first].join());
      await seen(server, "/api/browse/home", (r) => homeRow(r)?.items.map((i) => i.id).join() === [second, first].join());
    }

    expect((await a.call("PUT", `/api/admin/titles/${second}/featured`, { token: admin, body: { featured: true } })).status).toBe(200);
    for (const server of [a, b]) await seen(server, "/api/browse/home", (r) => hero(r).join() === second);
    expect((await a.call("PUT", "/api/admin/featured", { token: admin, body: { title_ids: [first, second] } })).status).toBe(200);
    for (const server of [a, b]) await seen(server, "/api/browse/home", (r) => hero(r).join() === [first, second].join());
    expect((await a.call("PUT", "/api/admin/featured", { token: admin, body: { title_ids: [] } })).status).toBe(200);
    for (const server of [a, b]) await seen(server, "/api/browse/home", (r) => hero(r).length === 1);

    expect((await a.call("DELETE", collection, { token: admin })).status).toBe(200);
    for (const server of [a, b]) {
      await seen(server, "/api/collections/numbats", (r) => r.status === 404);
      await seen(server, "/api/browse/home", (r) => homeRow(r) === undefined);
    }
  });

  it.skipIf(!onPostgres)("serves from the cache: a change nobody announced is not seen until one is", { timeout: 60_000 }, async () => {
    const admin = (await a.call("POST", "/api/accounts/token", { body: { username: "cache_admin", password: "correct horse battery" } })).body.bearer_token;
    const created = await a.call("POST", "/api/admin/titles", {
      token: admin,
      body: { type: "movie", title: "Silent Wombat", year: 2023, maturity_rating: "G", runtime_seconds: 600 },
    });
    const id = created.body.id as string;
    await a.call("PUT", `/api/admin/titles/${id}/published`, { token: admin, body: { published: true } });
    for (const server of [a, b]) await seen(server, `/api/movies/${id}`, (r) => r.status === 200 && r.body.title === "Silent Wombat");

    // Behind the app's back, with triggers off: no NOTIFY, so both instances keep answering from their caches.
    const sql = postgres(database!.url, { max: 1, onnotice: () => {} });
    try {
      await sql.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`update titles set title = 'Loud Wombat' where id = ${id}`;
      });
    } finally {
      await sql.end();
    }
    for (const server of [a, b]) expect((await server.call("GET", `/api/movies/${id}`)).body.title).toBe("Silent Wombat");

    // Any announced change drops every cached answer, on both instances.
    expect((await a.call("POST", "/api/admin/genres", { token: admin, body: { slug: "marsupial", name: "Marsupial" } })).status).toBe(200);
    for (const server of [a, b]) await seen(server, `/api/movies/${id}`, (r) => r.body.title === "Loud Wombat");
  });

  it("gives catalog answers a strong ETag, 304 to If-None-Match, public for anonymous callers only", async () => {
    const first = await b.call("GET", "/api/genres");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/^public, .*s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(first.headers.get("vary")).toMatch(/Authorization/);

    const again = await b.call("GET", "/api/genres", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await b.call("GET", "/api/genres", { headers: { "if-none-match": '"other"' } })).status).toBe(200);

    const token = (await b.call("POST", "/api/accounts/token", { body: { username: "cache_viewer", password: "correct horse battery" } })).body.bearer_token;
    const mine = await b.call("GET", "/api/movies?profile=Teen", { token });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-cache");
    expect(mine.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const signedIn = await b.call("GET", "/api/genres", { token });
    expect(signedIn.headers.get("cache-control")).toBe("private, no-cache");

    // Errors and caller-only reads are never public.
    expect((await b.call("GET", "/api/movies/00000000-0000-4000-8000-000000000000")).headers.get("cache-control")).toBe("no-store");
  });
});
