// Catalog management over HTTP: drafts stay hidden until published; edits, credits, seasons, episodes, artwork, delete.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useAdminServer } from "./test-server";

const server = useAdminServer();
let admin: string;

beforeAll(async () => {
  admin = (await server.signUp("catalog_admin")).token;
});

const call = (method: string, path: string, body?: unknown) => server.call(method, path, { token: admin, body });

describe("titles", () => {
  it("creates a draft movie that viewers cannot see until it is published", async () => {
    expect((await call("POST", "/api/admin/genres", { slug: "space-opera", name: "Space Opera" })).status).toBe(200);
    const dup = await call("POST", "/api/admin/genres", { slug: "space-opera", name: "Again" });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("conflict");

    const created = await call("POST", "/api/admin/titles", {
      type: "movie",
      title: "The Long Orbit",
      synopsis: "A freighter crew finds a signal.",
      year: 2024,
      maturity_rating: "PG-13",
      runtime_seconds: 5400,
      genres: ["space-opera"],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ type: "movie", published: false, genres: ["space-opera"], runtime_seconds: 5400 });
    const id = created.body.id;

    expect((await server.call("GET", `/api/movies/${id}`)).status).toBe(404);
    const listed = await call("GET", "/api/admin/titles?q=long%20orbit");
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(id);

    const published = await call("PUT", `/api/admin/titles/${id}/published`, { published: true });
    expect(published.body.published).toBe(true);
    const visible = await server.call("GET", `/api/movies/${id}`);
    expect(visible.status).toBe(200);
    expect(visible.body).toMatchObject({ title: "The Long Orbit", maturity_rating: "PG-13", genres: [{ slug: "space-opera" }] });

    const edited = await call("PATCH", `/api/admin/titles/${id}`, { title: "The Longest Orbit", maturity_rating: "R" });
    expect(edited.body).toMatchObject({ title: "The Longest Orbit", maturity_rating: "R", synopsis: "A freighter crew finds a signal." });
    expect((await server.call("GET", `/api/movies/${id}?max_maturity_rating=PG-13`)).status).toBe(404);

    await call("PUT", `/api/admin/titles/${id}/published`, { published: false });
    expect((await server.call("GET", `/api/movies/${id}`)).status).toBe(404);
  });

  it("refuses bad input with 4xx and the error envelope", async () => {
    const unknownGenre = await call("POST", "/api/admin/titles", { type: "show", title: "X", year: 2020, maturity_rating: "TV-14", genres: ["nope"] });
    expect(unknownGenre.status).toBe(422);
    const noAsset = await call("POST", "/api/admin/titles", {
      type: "movie",
      title: "Y",
      year: 2020,
      maturity_rating: "G",
      media_asset_id: "00000000-0000-4000-8000-000000000000",
    });
    expect(noAsset.status).toBe(422);
    expect((await call("POST", "/api/admin/titles", { type: "movie", title: "", year: 1200, maturity_rating: "ZZ" })).status).toBe(422);
    expect((await call("PATCH", "/api/admin/titles/00000000-0000-4000-8000-000000000000", { title: "Z" })).status).toBe(404);
    const notImage = await server.call("PUT", "/api/admin/titles/00000000-0000-4000-8000-000000000000/artwork/poster", {
      token: admin,
      raw: "GIF89a not really",
      headers: { "content-type": "image/gif" },
    });
    expect(notImage.status).toBe(422);
  });

  it("manages credits, seasons, episodes and artwork, and deletes with everything under it", async () => {
    const person = await call("POST", "/api/admin/people", { name: "Ada Quill", bio: "Actor." });
    expect(person.status).toBe(200);
    const show = (await call("POST", "/api/admin/titles", { type: "show", title: "Harbour Lights", year: 2023, maturity_rating: "TV-PG" })).body;
    const credits = await call("PUT", `/api/admin/titles/${show.id}/credits`, {
      credits: [{ person_id: person.body.id, role: "cast", character: "Keeper" }],
    });
    expect(credits.body.credits).toEqual([{ person_id: person.body.id, name: "Ada Quill", role: "cast", character: "Keeper" }]);

    const season = await call("POST", `/api/admin/titles/${show.id}/seasons`, { number: 1 });
    expect(season.body).toMatchObject({ number: 1, title: "Season 1" });
    expect((await call("POST", `/api/admin/titles/${show.id}/seasons`, { number: 1 })).status).toBe(409);
    const episode = await call("POST", `/api/admin/seasons/${season.body.id}/episodes`, { number: 1, title: "Low Tide", runtime_seconds: 1500 });
    expect(episode.body).toMatchObject({ season: 1, number: 1, title: "Low Tide" });
    await call("POST", `/api/admin/seasons/${season.body.id}/episodes`, { number: 2, title: "High Water" });
    await call("PATCH", `/api/admin/seasons/${season.body.id}`, { number: 2 });
    // An empty PATCH changes nothing (it was a 500: an empty SET), for each kind of row.
    for (const path of [`/api/admin/seasons/${season.body.id}`, `/api/admin/episodes/${episode.body.id}`, `/api/admin/people/${person.body.id}`]) {
      const unchanged = await call("PATCH", path, {});
      expect(unchanged.status, path).toBe(200);
    }
    expect((await call("PATCH", `/api/admin/people/${person.body.id}`, {})).body).toMatchObject({ name: "Ada Quill", bio: "Actor." });
    expect((await call("PATCH", "/api/admin/people/00000000-0000-4000-8000-000000000000", {})).status).toBe(404);

    // A 1×1 PNG.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const poster = await server.call("PUT", `/api/admin/titles/${show.id}/artwork/poster`, { token: admin, raw: new Uint8Array(png), headers: { "content-type": "image/png" } });
    expect(poster.status).toBe(200);
    const image = await server.call("GET", poster.body.poster_url);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");

    await call("PUT", `/api/admin/titles/${show.id}/published`, { published: true });
    const publicShow = await server.call("GET", `/api/shows/${show.id}`);
    expect(publicShow.body.seasons).toMatchObject([{ season: 2, episodes: [{ episode: 1, title: "Low Tide" }, { episode: 2, title: "High Water" }] }]);
    expect(publicShow.body.cast).toEqual([{ id: person.body.id, name: "Ada Quill", character: "Keeper" }]);
    const next = await server.call("GET", `/api/shows/${show.id}/seasons/2/episodes/1`);
    expect(next.body.next).toEqual({ season: 2, episode: 2 });

    expect((await call("DELETE", `/api/admin/episodes/${episode.body.id}`)).status).toBe(200);
    expect((await server.call("GET", `/api/shows/${show.id}/seasons/2/episodes/1`)).status).toBe(404);
    expect((await call("DELETE", `/api/admin/titles/${show.id}`)).status).toBe(200);
    expect((await server.call("GET", `/api/shows/${show.id}`)).status).toBe(404);
    expect((await call("GET", `/api/admin/titles/${show.id}`)).status).toBe(404);
    expect((await call("DELETE", `/api/admin/titles/${show.id}`)).status).toBe(404);
    expect((await call("DELETE", `/api/admin/people/${person.body.id}`)).status).toBe(200);
  });
});

describe("analytics", () => {
  it("records viewing as viewers watch: views from stream starts; watch hours, completion, top titles and plan mix", { timeout: 180_000 }, async () => {
    // Watch time on a ten-minute film (progress needs no video); stream starts on a one-second clip (they need one).
    const movie = (await call("POST", "/api/admin/titles", { type: "movie", title: "Counted Film", year: 2022, maturity_rating: "PG", runtime_seconds: 600 })).body;
    const clip = (await call("POST", "/api/admin/titles", { type: "movie", title: "Streamed Clip", year: 2022, maturity_rating: "PG" })).body;
    const { job } = await server.waitForJob(admin, await server.uploadVideo(admin, clip.id));
    expect(job.stage).toBe("ready");
    for (const title of [movie, clip]) await call("PUT", `/api/admin/titles/${title.id}/published`, { published: true });
    const viewer = await server.signUp("analytics_viewer");
    await server.call("PUT", "/api/accounts/subscription", { token: viewer.token, body: { subscription: "premium" } });
    expect((await server.call("POST", "/api/profiles/Sam/new", { token: viewer.token })).status).toBe(200);

    const before = (await call("GET", "/api/admin/analytics?days=7")).body;
    expect(before.per_day).toHaveLength(7);
    expect(before.totals.views).toBe(0);

    // Progress alone (say, written by another client) is watch time, not a view: views count streams started.
    const target = { kind: "movie_watch_progress", movie_id: movie.id };
    expect((await server.call("POST", "/api/profiles/Sam/progress", { token: viewer.token, body: { ...target, progress: 45 } })).status).toBe(200);
    const watched = (await call("GET", "/api/admin/analytics?days=7")).body;
    expect(watched.totals.views).toBe(0);
    expect(watched.totals.watch_hours).toBeGreaterThan(0);
    expect(watched.totals.completion_rate).toBe(0);

    // Starting playback is a view; starting it again the same day (a reload) is the same view.
    const stream = () => server.call("GET", `/api/movies/${clip.id}/stream?profile=Sam`, { token: viewer.token });
    expect((await stream()).status).toBe(200);
    expect((await call("GET", "/api/admin/analytics?days=7")).body.totals.views).toBe(1);
    expect((await stream()).status).toBe(200);

    // Jumping to the end: finished, but a seek is not ten minutes of watching.
    expect((await server.call("PUT", "/api/profiles/Sam/progress", { token: viewer.token, body: { ...target, progress: 590 } })).status).toBe(200);
    const report = (await call("GET", "/api/admin/analytics?days=7")).body;
    const today = report.per_day[report.per_day.length - 1];
    expect(today.day).toBe(new Date().toISOString().slice(0, 10));
    expect(today).toMatchObject({ views: 1, completions: 1 });
    expect(today.hours).toBeGreaterThan(0);
    expect(today.hours).toBeLessThan(0.1);
    expect(report.totals.completion_rate).toBe(1);
    expect(report.top_titles).toEqual([
      expect.objectContaining({ title_id: movie.id, title: "Counted Film", views: 0, viewers: 1 }),
      { title_id: clip.id, title: "Streamed Clip", kind: "movie", views: 1, viewers: 0, hours: 0 },
    ]);
    expect(report.plan_mix).toContainEqual({ plan: "premium", accounts: 1 });
    expect(report.plan_mix.find((p: { plan: string }) => p.plan === "none").accounts).toBeGreaterThanOrEqual(1);

    expect((await call("GET", "/api/admin/analytics?days=0")).status).toBe(422);

    // One title's page: its views, viewers, completion, thumbs, list additions, devices and plans.
    const as = (method: string, path: string, body?: unknown) => server.call(method, path, { token: viewer.token, body });
    expect((await as("PUT", `/api/profiles/Sam/ratings/movie/${movie.id}`, { rating: "up" })).status).toBe(200);
    expect((await as("PUT", `/api/profiles/Sam/watchlist/movie/${movie.id}`)).status).toBe(200);
    const film = (await call("GET", `/api/admin/titles/${movie.id}/analytics?days=7`)).body;
    expect(film.per_day).toHaveLength(7);
    expect(film.totals).toMatchObject({ views: 0, unique_viewers: 1, completion_rate: 1, thumbs_up: 1, thumbs_down: 0, average_rating: 1, watchlist_adds: 1, on_watchlists: 1 });
    expect(film.totals.watch_hours).toBeGreaterThan(0);
    expect(film.by_device).toEqual([]);
    const streamed = (await call("GET", `/api/admin/titles/${clip.id}/analytics?days=7`)).body;
    expect(streamed.totals).toMatchObject({ views: 1, unique_viewers: 1, completion_rate: null, average_rating: null, watchlist_adds: 0 });
    // The test's HTTP client is no browser; the viewer pays for premium.
    expect(streamed.by_device.map((row: { device: string }) => row.device)).toEqual(["other"]);
    expect(streamed.by_plan.map((row: { plan: string }) => row.plan)).toEqual(["premium"]);
    expect((await call("GET", `/api/admin/titles/${randomUUID()}/analytics`)).body.error.code).toBe("title_not_found");
    expect((await server.call("GET", `/api/admin/titles/${clip.id}/analytics`, { token: viewer.token })).status).toBe(403);
  });
});

describe("languages", () => {
  it("titles carry their original and audio languages; lists filter by a language they can be heard in", async () => {
    const tag = randomUUID().slice(0, 8);
    const dubbed = (await call("POST", "/api/admin/titles", { type: "movie", title: `Lenguas ${tag}`, year: 2024, maturity_rating: "PG", original_language: "ES", audio_languages: ["es", "pt-br", "es"] })).body;
    expect(dubbed).toMatchObject({ original_language: "es", audio_languages: ["es", "pt-BR"] });
    const english = (await call("POST", "/api/admin/titles", { type: "movie", title: `Tongues ${tag}`, year: 2024, maturity_rating: "PG" })).body;
    expect(english).toMatchObject({ original_language: "en", audio_languages: ["en"] });
    const french = (await call("POST", "/api/admin/titles", { type: "show", title: `Langues ${tag}`, year: 2024, maturity_rating: "TV-PG", original_language: "fr" })).body;
    expect(french.audio_languages).toEqual(["fr"]);
    for (const { id } of [dubbed, english, french]) await call("PUT", `/api/admin/titles/${id}/published`, { published: true });

    const ids = async (path: string) => ((await server.call("GET", path)).body.items as { id: string }[]).map((item) => item.id);
    expect(await ids(`/api/movies?q=${tag}&language=es`)).toEqual([dubbed.id]);
    expect(await ids(`/api/movies?q=${tag}&language=PT-br`)).toEqual([dubbed.id]);
    expect((await ids(`/api/movies?q=${tag}&language=en`))).toEqual([english.id]);
    expect(await ids(`/api/shows?q=${tag}&language=fr`)).toEqual([french.id]);
    expect(await ids(`/api/browse/new?language=fr&limit=100`)).toContain(french.id);
    expect(await ids(`/api/browse/new?language=fr&limit=100`)).not.toContain(dubbed.id);
    const detail = (await server.call("GET", `/api/movies/${dubbed.id}`)).body;
    expect(detail).toMatchObject({ original_language: "es", audio_languages: ["es", "pt-BR"] });

    // A dub added later shows up under its language.
    expect((await call("PATCH", `/api/admin/titles/${english.id}`, { audio_languages: ["en", "de"] })).body.audio_languages).toEqual(["en", "de"]);
    expect(await ids(`/api/movies?q=${tag}&language=de`)).toEqual([english.id]);

    for (const bad of ["x", "not a tag", "12"]) {
      const refused = await server.call("GET", `/api/movies?language=${encodeURIComponent(bad)}`);
      expect(refused.status, bad).toBe(422);
      expect(refused.body.error.code).toBe("validation_failed");
    }
    expect((await call("PATCH", `/api/admin/titles/${english.id}`, { audio_languages: [] })).status).toBe(422);
    expect((await call("PATCH", `/api/admin/titles/${english.id}`, { original_language: "zz-invalid-tag-that-is-long" })).status).toBe(422);
  });
});

describe("churn reasons", () => {
  it("the analytics report counts cancellations by the reason given and shows the latest feedback", async () => {
    const leave = async (body: Record<string, unknown>) => {
      const member = await server.signUp(`leaver_${randomUUID().slice(0, 6)}`);
      expect((await server.call("PUT", "/api/accounts/subscription", { token: member.token, body: { subscription: "basic" } })).status).toBe(200);
      expect((await server.call("POST", "/api/accounts/subscription/cancel", { token: member.token, body })).status).toBe(200);
    };
    const before = (await call("GET", "/api/admin/analytics?days=7")).body.churn;
    const feedback = `Nothing new for me ${randomUUID().slice(0, 6)}`;
    await leave({ at_period_end: true, reason: "too_expensive", feedback });
    await leave({ at_period_end: false, reason: "too_expensive" });
    await leave({ at_period_end: false });
    const churn = (await call("GET", "/api/admin/analytics?days=7")).body.churn;
    expect(churn.cancellations).toBe(before.cancellations + 3);
    const count = (report: { by_reason: { reason: string | null; cancellations: number }[] }, reason: string | null) =>
      report.by_reason.find((row) => row.reason === reason)?.cancellations ?? 0;
    expect(count(churn, "too_expensive")).toBe(count(before, "too_expensive") + 2);
    expect(count(churn, null)).toBe(count(before, null) + 1);
    expect(churn.latest_feedback[0]).toMatchObject({ reason: "too_expensive", feedback, plan: "basic", at_period_end: true });
  });
});
