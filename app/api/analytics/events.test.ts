// POST /api/analytics/events and the admin's playback-quality report over HTTP, on a server of its own (the first
// account signed up there is the admin): batches are accepted whole or refused whole, and the report reflects them.
import { describe, expect, it } from "vitest";
import { useAdminServer } from "@/app/api/admin/test-server";

const server = useAdminServer({ WORKER_IN_PROCESS: "false" });

const now = () => new Date().toISOString();
const startup = (ms: number) => ({ type: "startup", occurred_at: now(), profile: "Main", data: { startup_ms: ms, rendition: "720p", bitrate: 2_000_000 } });

describe("playback events", () => {
  it("are accepted in batches (202), refused whole when any is invalid, and reach the admin's report", async () => {
    const admin = await server.signUp("events_admin");
    const viewer = await server.signUp("events_viewer");
    await server.call("PUT", "/api/accounts/subscription", { token: viewer.token, body: { subscription: "standard" } });
    expect((await server.call("POST", "/api/profiles/Main/new", { token: viewer.token })).status).toBe(200);
    const post = (body: unknown, token = viewer.token, path = "/api/analytics/events") => server.call("POST", path, { token, body });

    const accepted = await post({ events: [startup(400), startup(800), { type: "error", occurred_at: now(), profile: "Main", data: { code: "network", fatal: true, rendition: "720p" } }] });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ accepted: 3 });
    expect(accepted.headers.get("x-ratelimit-limit")).toBe(String(120 * 50)); // the analytics group, × RATE_LIMIT_MULTIPLIER

    const refused = [
      { events: [startup(100), { type: "teleport", occurred_at: now(), data: {} }] },
      { events: [startup(100), { type: "seek", occurred_at: now(), data: { position_seconds: 3 } }] },
      { events: [startup(100), { ...startup(100), profile: "Nobody" }] },
      { events: Array.from({ length: 501 }, () => startup(100)) },
      { events: [] },
      { events: [startup(100)], extra: true },
    ];
    for (const body of refused) {
      const answer = await post(body);
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe("validation_failed");
    }
    expect((await post({ events: [startup(100)] }, viewer.token, "/api/analytics/events?debug=1")).status).toBe(422);
    expect((await server.call("POST", "/api/analytics/events", { token: viewer.token, raw: "{not json" })).status).toBe(400);
    expect((await server.call("POST", "/api/analytics/events", { body: { events: [startup(1)] } })).status).toBe(403);

    // Only the accepted batch counts: nothing of the refused ones was stored.
    const report = await server.call("GET", "/api/admin/analytics/playback?days=7", { token: admin.token });
    expect(report.status).toBe(200);
    const today = report.body.per_day.at(-1);
    expect(today).toMatchObject({ day: now().slice(0, 10), starts: 2, startup_p50_ms: 600, errors: 1 });
    expect(report.body.per_rendition).toEqual([expect.objectContaining({ rendition: "720p", starts: 2, errors: 1 })]);
    expect(report.body.errors).toEqual([{ day: now().slice(0, 10), rendition: "720p", code: "network", count: 1 }]);
    expect((await server.call("GET", "/api/admin/analytics/playback", { token: viewer.token })).status).toBe(403);
    expect((await server.call("GET", "/api/admin/analytics/playback?days=0", { token: admin.token })).status).toBe(422);
  });
});
