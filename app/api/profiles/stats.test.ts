import { describe, expect, it } from "vitest";
import { api, createAccount, expectEnvelope } from "@/test/http";

// GET /api/profiles/{name}/stats over HTTP: what was just watched counts at once, parameters are strict, and a
// profile is only readable by its own account. The arithmetic is tested against a known history in
// lib/analytics/profile-stats.test.ts.
describe("GET /api/profiles/{name}/stats", () => {
  it("shows what the profile just watched, in the asked time zone", async () => {
    const { token } = await createAccount();
    expect((await api("PUT", "/api/accounts/subscription", { token, body: { subscription: "standard" } })).status).toBe(200);
    expect((await api("POST", "/api/profiles/Stat/new", { token })).status).toBe(200);
    // Six seconds: a start, well before the 90% that counts as finished.
    const [movie] = (await api("GET", "/api/movies?limit=1&sort=title&max_maturity_rating=PG", { token })).body.items;
    const written = await api("POST", "/api/profiles/Stat/progress", { token, body: { kind: "movie_watch_progress", movie_id: movie.id, progress: 6 } });
    expect(written.status).toBe(200);

    const stats = await api("GET", "/api/profiles/Stat/stats?timeframe=month&time_zone=America/New_York", { token });
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ profile: "Stat", timeframe: "month", time_zone: "America/New_York", titles_watched: 1, items_started: 1, items_completed: 0 });
    expect(stats.body.watch_minutes).toBe(0.1);
    expect(stats.body.per_day).toHaveLength(30);
    expect(stats.body.top_titles).toEqual([expect.objectContaining({ title_id: movie.id, title: movie.title, type: "movie" })]);
    expect((await api("GET", "/api/profiles/Stat/stats", { token })).body).toMatchObject({ timeframe: "week", time_zone: "UTC" });
  });

  it("refuses bad parameters, other accounts and missing tokens", async () => {
    const { token } = await createAccount();
    expect((await api("POST", "/api/profiles/Own/new", { token })).status).toBe(200);
    expectEnvelope(await api("GET", "/api/profiles/Own/stats?timeframe=decade", { token }), 422, "validation_failed");
    expectEnvelope(await api("GET", "/api/profiles/Own/stats?time_zone=Mars/Olympus", { token }), 422, "validation_failed");
    expectEnvelope(await api("GET", "/api/profiles/Own/stats?days=7", { token }), 422, "unknown_parameter");
    const other = await createAccount();
    expectEnvelope(await api("GET", "/api/profiles/Own/stats", { token: other.token }), 404, "profile_not_found");
    expectEnvelope(await api("GET", "/api/profiles/Own/stats"), 403, "forbidden");
  });
});
