import http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { api, createAccount, expectEnvelope, type ApiResponse } from "@/test/http";

// Demo titles in the test catalog have no video: a movie or episode lasts its runtime_seconds (30 s).
const path = (name: string) => `/api/profiles/${encodeURIComponent(name)}/progress`;

let token: string;
let movie: { id: string; runtime_seconds: number };
let show: { id: string };
const profile = "Viewer ✨";

beforeAll(async () => {
  token = (await createAccount()).token;
  await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "standard" } });
  expect((await api("POST", `/api/profiles/${encodeURIComponent(profile)}/new`, { token })).status).toBe(200);
  [movie] = (await api("GET", "/api/movies?limit=3")).body.items;
  [show] = (await api("GET", "/api/shows?limit=1")).body.items;
});

/** GET with a JSON body, which fetch cannot send. */
function getWithBody(url: string, body: unknown): Promise<ApiResponse> {
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${inject("baseUrl")}${url}`, {
      method: "GET",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(json) },
    }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, text, body: JSON.parse(text), headers: new Headers() }));
    });
    req.on("error", reject);
    req.end(json);
  });
}

const movieTarget = () => ({ kind: "movie_watch_progress", movie_id: movie.id });

describe("watch progress, as the contract says", () => {
  it("GET answers { progress: null } before any write, with a JSON body or query parameters", async () => {
    const other = (await api("GET", "/api/movies?limit=1&offset=10")).body.items[0];
    const viaBody = await getWithBody(path(profile), { kind: "movie_watch_progress", movie_id: other.id });
    expect(viaBody.status).toBe(200);
    expect(viaBody.body.progress).toBeNull();
    const viaQuery = await api("GET", `${path(profile)}?kind=movie_watch_progress&movie_id=${other.id}`, { token });
    expect(viaQuery.body).toMatchObject({ progress: null });
  });

  it("PUT before POST is 404; POST creates (200); a second POST is 409; PUT then updates", async () => {
    expectEnvelope(await api("PUT", path(profile), { token, body: { ...movieTarget(), progress: 3 } }), 404, "progress_not_found");
    const created = await api("POST", path(profile), { token, body: { ...movieTarget(), progress: 3 } });
    expect(created.status).toBe(200);
    expect(created.body.progress).toBe(3);
    expectEnvelope(await api("POST", path(profile), { token, body: { ...movieTarget(), progress: 4 } }), 409, "progress_exists");
    const updated = await api("PUT", path(profile), { token, body: { ...movieTarget(), progress: 12.5 } });
    expect(updated.body).toMatchObject({ progress: 12.5, applied: true, watched: false });
    expect((await getWithBody(path(profile), movieTarget())).body.progress).toBe(12.5);
  });

  it("tracks episodes by show, season and number, with query parameters for GET", async () => {
    const target = { kind: "tv_show_watch_progress", tv_show_id: show.id, tv_show_season: 1, tv_show_episode: 2 };
    expect((await api("POST", path(profile), { token, body: { ...target, progress: 9 } })).status).toBe(200);
    const query = `kind=tv_show_watch_progress&tv_show_id=${show.id}&tv_show_season=1&tv_show_episode=2`;
    expect((await api("GET", `${path(profile)}?${query}`, { token })).body.progress).toBe(9);
    expect((await getWithBody(path(profile), target)).body.progress).toBe(9);
    const neighbour = await api("GET", `${path(profile)}?${query.replace("episode=2", "episode=1")}`, { token });
    expect(neighbour.body.progress).toBeNull();
  });

  it("answers 404 for unknown movies, episodes and profiles", async () => {
    const ghost = "00000000-0000-4000-8000-000000000000";
    expectEnvelope(await api("POST", path(profile), { token, body: { kind: "movie_watch_progress", movie_id: ghost, progress: 1 } }), 404, "movie_not_found");
    expectEnvelope(await api("POST", path(profile), { token, body: { kind: "movie_watch_progress", movie_id: show.id, progress: 1 } }), 404, "movie_not_found");
    const episode = { kind: "tv_show_watch_progress", tv_show_id: show.id, tv_show_season: 40, tv_show_episode: 1, progress: 1 };
    expectEnvelope(await api("POST", path(profile), { token, body: episode }), 404, "episode_not_found");
    expectEnvelope(await api("GET", `${path("Nobody")}?kind=movie_watch_progress&movie_id=${movie.id}`, { token }), 404, "profile_not_found");
  });

  it.each([
    ["no kind", { movie_id: "00000000-0000-4000-8000-000000000000", progress: 1 }],
    ["an unknown kind", { kind: "book_progress", movie_id: "00000000-0000-4000-8000-000000000000", progress: 1 }],
    ["a movie kind without movie_id", { kind: "movie_watch_progress", tv_show_id: "00000000-0000-4000-8000-000000000000", progress: 1 }],
    ["a show kind without season", { kind: "tv_show_watch_progress", tv_show_id: "00000000-0000-4000-8000-000000000000", tv_show_episode: 1, progress: 1 }],
    ["a non-UUID id", { kind: "movie_watch_progress", movie_id: "42", progress: 1 }],
    ["negative progress", { kind: "movie_watch_progress", movie_id: "00000000-0000-4000-8000-000000000000", progress: -1 }],
    ["text progress", { kind: "movie_watch_progress", movie_id: "00000000-0000-4000-8000-000000000000", progress: "10" }],
    ["a fractional season", { kind: "tv_show_watch_progress", tv_show_id: "00000000-0000-4000-8000-000000000000", tv_show_season: 1.5, tv_show_episode: 1, progress: 1 }],
    ["a bad client_timestamp", { kind: "movie_watch_progress", movie_id: "00000000-0000-4000-8000-000000000000", progress: 1, client_timestamp: "yesterday" }],
  ])("rejects %s with 422", async (_, body) => {
    for (const method of ["POST", "PUT"]) expectEnvelope(await api(method, path(profile), { token, body }), 422, "validation_failed");
  });

  it("rejects a client_timestamp past the last date (8.7e15 ms) with 422 naming the field, not a 500", async () => {
    // A real movie and profile: before the schema refused it, the Invalid Date reached the database write.
    const target = { kind: "movie_watch_progress", movie_id: (await api("GET", "/api/movies?limit=1&offset=2")).body.items[0].id };
    for (const method of ["POST", "PUT"]) {
      const reply = await api(method, path(profile), { token, body: { ...target, progress: 4, client_timestamp: 8.7e15 } });
      expectEnvelope(reply, 422, "validation_failed");
      expect(reply.body.error.details).toEqual([{ field: "body.client_timestamp", message: expect.stringMatching(/8\.64e15/) }]);
    }
    // The last representable instant is a date: taken, and held to the server's clock like any future timestamp.
    const edge = await api("POST", path(profile), { token, body: { ...target, progress: 4, client_timestamp: 8.64e15 } });
    expect(edge.status).toBe(200);
    expect(edge.body.progress).toBe(4);
  });

  it("rejects non-finite progress (JSON 1e400) with 422", async () => {
    const raw = `{"kind":"movie_watch_progress","movie_id":"${movie.id}","progress":1e400}`;
    expectEnvelope(await api("PUT", path(profile), { token, raw }), 422, "validation_failed");
  });
});

describe("beyond the contract", () => {
  let target: { kind: string; movie_id: string };

  beforeAll(async () => {
    target = { kind: "movie_watch_progress", movie_id: (await api("GET", "/api/movies?limit=1&offset=1")).body.items[0].id };
    await api("POST", path(profile), { token, body: { ...target, progress: 1 } });
  });

  it("clamps progress beyond the runtime and marks the item watched from 90%", async () => {
    const runtime = movie.runtime_seconds;
    const almost = await api("PUT", path(profile), { token, body: { ...target, progress: runtime * 0.5 } });
    expect(almost.body.watched).toBe(false);
    const done = await api("PUT", path(profile), { token, body: { ...target, progress: runtime * 0.92 } });
    expect(done.body.watched).toBe(true);
    const beyond = await api("PUT", path(profile), { token, body: { ...target, progress: runtime * 100 } });
    expect(beyond.body.progress).toBe(runtime);
    // Rewinding a finished title keeps it watched.
    expect((await api("PUT", path(profile), { token, body: { ...target, progress: 2 } })).body).toMatchObject({ progress: 2, watched: true });
  });

  it("never lets an older client timestamp overwrite a newer position", async () => {
    const now = Date.now();
    await api("PUT", path(profile), { token, body: { ...target, progress: 20, client_timestamp: new Date(now).toISOString() } });
    const late = await api("PUT", path(profile), { token, body: { ...target, progress: 5, client_timestamp: now - 10_000 } });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ applied: false, progress: 20 });
    expect((await getWithBody(path(profile), target)).body.progress).toBe(20);
    const newer = await api("PUT", path(profile), { token, body: { ...target, progress: 21, client_timestamp: now + 1_000 } });
    expect(newer.body).toMatchObject({ applied: true, progress: 21 });
  });

  it("keeps the newest of 1,000 concurrent writes, losing none", { timeout: 120_000 }, async () => {
    const show = (await api("GET", "/api/shows?limit=1&offset=1")).body.items[0];
    const episode = { kind: "tv_show_watch_progress", tv_show_id: show.id, tv_show_season: 1, tv_show_episode: 1 };
    await api("POST", path(profile), { token, body: { ...episode, progress: 0, client_timestamp: 1 } });
    const base = Date.now() - 60_000;
    // Positions 0.02 s apart, so each write is distinguishable; sent in a shuffled order, all at once.
    const writes = Array.from({ length: 1000 }, (_, i) => ({ progress: i * 0.02, client_timestamp: base + i }));
    for (let i = writes.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [writes[i], writes[j]] = [writes[j], writes[i]];
    }
    // 100 connections at a time (a thousand at once only tests the listen backlog): every write still races the others.
    const responses: ApiResponse[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        while (next < writes.length) {
          const write = writes[next++];
          responses.push(await api("PUT", path(profile), { token, body: { ...episode, ...write } }));
        }
      }),
    );
    const failed = responses.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.text}`);
    expect(failed, failed.slice(0, 3).join("\n")).toHaveLength(0);
    // The newest write is stored, whatever order the requests arrived in.
    const stored = (await getWithBody(path(profile), episode)).body.progress;
    expect(stored).toBeCloseTo(999 * 0.02, 3);
    // And the request that carried it was told it was applied.
    const newest = responses.find((r) => Math.abs(r.body.progress - stored) < 1e-6 && r.body.applied);
    expect(newest).toBeDefined();
  });
});
