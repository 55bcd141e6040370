// Two app instances on one PostgreSQL: a notification created through one (an admin adds an episode) reaches the
// viewer's event stream open on the other. Two processes cannot share an embedded PGlite, so PostgreSQL only.
import { describe, expect, it } from "vitest";
import { useTwoInstances } from "@/app/api/admin/test-server";
import { readSse } from "@/lib/realtime/test-sse";

describe.skipIf(!process.env.TEST_DATABASE_URL)("notifications across two instances", () => {
  const { clients } = useTwoInstances({ WORKER_IN_PROCESS: "false" });

  it("reach a viewer's stream on the other instance the moment they are created, and resume after Last-Event-ID", { timeout: 60_000 }, async () => {
    const [a, b] = clients;
    const admin = await a.signUp("notify_admin");
    const viewer = await b.signUp("notify_viewer");
    expect((await b.call("PUT", "/api/accounts/subscription", { token: viewer.token, body: { subscription: "standard" } })).status).toBe(200);
    expect((await b.call("POST", "/api/profiles/Fan/new", { token: viewer.token })).status).toBe(200);
    const show = (await a.call("POST", "/api/admin/titles", { token: admin.token, body: { type: "show", title: "Across", year: 2025, maturity_rating: "TV-PG" } })).body;
    await a.call("PUT", `/api/admin/titles/${show.id}/published`, { token: admin.token, body: { published: true } });
    const season = (await a.call("POST", `/api/admin/titles/${show.id}/seasons`, { token: admin.token, body: { number: 1 } })).body;
    expect((await b.call("PUT", `/api/profiles/Fan/watchlist/show/${show.id}`, { token: viewer.token })).status).toBe(200);

    const response = await fetch(`${b.url}/api/notifications/events?profile=Fan`, { headers: { authorization: `Bearer ${viewer.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const sse = readSse(response);
    await sse.next(); // the retry hint: subscribed
    await a.call("POST", `/api/admin/seasons/${season.id}/episodes`, { token: admin.token, body: { number: 1, title: "First" } });
    const [event] = await sse.events(1);
    expect(event).toMatchObject({ event: "notification", data: { type: "new_episode", profile: "Fan", title: "New episode of Across" } });
    const listed = (await b.call("GET", "/api/notifications?profile=Fan", { token: viewer.token })).body;
    expect(listed.items[0].id).toBe(event.data.id);

    // A client that reconnects after that event gets only what it missed.
    await a.call("POST", `/api/admin/seasons/${season.id}/episodes`, { token: admin.token, body: { number: 2, title: "Second" } });
    const resumed = readSse(await fetch(`${a.url}/api/notifications/events?profile=Fan`, { headers: { authorization: `Bearer ${viewer.token}`, "last-event-id": String(event.id) } }));
    const [missed] = await resumed.events(1);
    expect(missed.data).toMatchObject({ type: "new_episode", body: "S1:E2 “Second” is now on NormFlix." });
  });
});
