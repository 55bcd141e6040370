import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaybackFixture } from "@/lib/playback/test-fixtures";
import { createTestDatabase, startServer, type ServerHandle } from "@/test/server-process";
import { partyClient, type Reply } from "./test-party";

// Watch parties over HTTP, against a server on a catalog with playable titles: creating and joining with each
// member's own right to watch and stream, the refusals, host-only control, host hand-over, chat, reactions and
// typing, and the event stream (live, and replayed after Last-Event-ID).

let server: ServerHandle;
let fixture: PlaybackFixture;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let client: ReturnType<typeof partyClient>;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase(process.env.TEST_DATABASE_URL);
    process.env.DATABASE_URL = database.url;
  }
  const db = await import("@/db/client");
  const { seedPlaybackFixture } = await import("@/lib/playback/test-fixtures");
  await db.openDatabase();
  fixture = await seedPlaybackFixture(path.join(process.env.DATA_DIR!, "media"));
  await db.closeDatabase();
  server = await startServer({ DATA_DIR: process.env.DATA_DIR!, DATABASE_URL: database?.url ?? "", DEMO_CATALOG: "off", RATE_LIMIT_MULTIPLIER: "50" });
  client = partyClient(server.url);
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

function expectError(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
  expect(typeof reply.body.error.message).toBe("string");
}

const createMovieParty = (token: string, extra: Record<string, unknown> = {}) =>
  client.call("POST", "/api/parties", { token, body: { profile: "Main", type: "movie", id: fixture.pgMovieId, ...extra } });
const join = (code: string, token: string, profile = "Main") => client.call("POST", `/api/parties/${code}/join`, { token, body: { profile } });

describe("creating and joining", () => {
  it("creates a movie party with a code, an invite link, the host as first member, a paused state and the host's own stream", async () => {
    const token = await client.viewer("standard");
    const created = await createMovieParty(token, { max_members: 3 });
    expect(created.status).toBe(201);
    const party = created.body;
    expect(party.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(party.invite_url).toMatch(new RegExp(`/party/${party.code}$`));
    expect(party.host).toMatchObject({ profile: "Main", is_host: true });
    expect(party.members).toHaveLength(1);
    expect(party.you).toBe(party.host.member_id);
    expect(party.max_members).toBe(3);
    expect(party.title).toMatchObject({ type: "movie", id: fixture.pgMovieId, title: "Sunny Day" });
    expect(party.state).toMatchObject({ playing: false, position: 0, rate: 1 });
    expect(party.state.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(party.stream.stream_id).toBeTruthy();
    // The stream is the host's own, on the host's account.
    const streams = await client.call("GET", "/api/streams", { token });
    expect(streams.body.items.map((s: { stream_id: string }) => s.stream_id)).toContain(party.stream.stream_id);
    expect((await client.call("GET", `/api/parties/${party.id}`, { token })).body).toMatchObject({ id: party.id, code: party.code });
  });

  it("creates an episode party", async () => {
    const token = await client.viewer("standard");
    const created = await client.call("POST", "/api/parties", { token, body: { profile: "Main", type: "episode", tv_show_id: fixture.showId, season: 1, episode: 2 } });
    expect(created.status).toBe(201);
    expect(created.body.title).toMatchObject({ type: "episode", tv_show_id: fixture.showId, season: 1, episode: 2, episode_title: "Episode 2" });
  });

  it("takes exactly the documented parameters (422 otherwise)", async () => {
    const token = await client.viewer("standard");
    const bad = [
      { profile: "Main", type: "movie", id: fixture.pgMovieId, extra: 1 },
      { profile: "Main", type: "movie" },
      { profile: "Main", type: "movie", id: fixture.pgMovieId, season: 1 },
      { profile: "Main", type: "episode", tv_show_id: fixture.showId, season: 1 },
      { profile: "Main", type: "movie", id: fixture.pgMovieId, max_members: 1 },
      { profile: "Main", type: "film", id: fixture.pgMovieId },
    ];
    for (const body of bad) expectError(await client.call("POST", "/api/parties", { token, body }), 422, "validation_failed");
    expectError(await client.call("POST", `/api/parties?x=1`, { token, body: { profile: "Main", type: "movie", id: fixture.pgMovieId } }), 422, "unknown_parameter");
    const party = (await createMovieParty(token)).body;
    expectError(await client.call("POST", `/api/parties/${party.id}/control`, { token, body: { action: "rewind" } }), 422, "validation_failed");
    expectError(await client.call("POST", `/api/parties/${party.id}/control`, { token, body: { action: "seek" } }), 422, "validation_failed");
    expectError(await client.call("POST", `/api/parties/${party.id}/control`, { token, body: { action: "play", speed: 2 } }), 422, "validation_failed");
    expectError(await client.call("POST", `/api/parties/${party.id}/leave`, { token, body: { now: true } }), 422, "validation_failed");
    expectError(await client.call("GET", `/api/parties/${party.id}?foo=1`, { token }), 422, "unknown_parameter");
    expectError(await client.call("GET", `/api/parties/not-a-uuid`, { token }), 422, "validation_failed");
    expectError(await client.call("POST", `/api/parties/ABC/join`, { token, body: { profile: "Main" } }), 422, "validation_failed");
  });

  it("joins by code (any case) with the member's own stream; refuses without the right to watch, a full party, an unknown code", async () => {
    const host = await client.viewer("standard");
    const party = (await createMovieParty(host, { type: "movie", id: fixture.rMovieId, max_members: 2 })).body;
    const guest = await client.viewer("basic");
    const joined = await join(party.code.toLowerCase(), guest);
    expect(joined.status).toBe(200);
    expect(joined.body.members.map((m: { profile: string; is_host: boolean }) => [m.profile, m.is_host])).toEqual([["Main", true], ["Main", false]]);
    expect(joined.body.you).not.toBe(party.you);
    const guestStreams = await client.call("GET", "/api/streams", { token: guest });
    expect(guestStreams.body.items.map((s: { stream_id: string }) => s.stream_id)).toEqual([joined.body.stream.stream_id]);
    // Joining again (a reload) keeps the place and replaces the stream.
    const again = await join(party.code, guest);
    expect(again.status).toBe(200);
    expect(again.body.members).toHaveLength(2);
    expect((await client.call("GET", "/api/streams", { token: guest })).body.items.map((s: { stream_id: string }) => s.stream_id)).toEqual([again.body.stream.stream_id]);

    const third = await client.viewer("premium");
    expectError(await join(party.code, third), 409, "party_full");
    expect((await client.call("GET", "/api/streams", { token: third })).body.items).toEqual([]);

    const open = (await createMovieParty(host, { id: fixture.rMovieId })).body;
    const unpaid = await client.viewer("standard");
    await client.call("DELETE", "/api/accounts/subscription", { token: unpaid });
    expectError(await join(open.code, unpaid), 402, "subscription_required");
    const family = await client.viewer("standard");
    await client.call("POST", "/api/profiles/Kid/new", { token: family });
    await client.call("PATCH", "/api/profiles/Kid", { token: family, body: { kids: true } });
    expectError(await join(open.code, family, "Kid"), 403, "maturity_restricted");
    expectError(await join(open.code, family, "Nobody"), 404, "profile_not_found");
    // The basic plan's one stream is in use by the other party (on another device: the same one would take it over).
    expectError(await client.call("POST", `/api/parties/${open.code}/join`, { token: guest, body: { profile: "Main" }, headers: { "user-agent": "another-device" } }), 409, "stream_limit_reached");
    expectError(await join("ZZZZZZ", family), 404, "party_not_found");
    // Someone not in the party cannot see it.
    expectError(await client.call("GET", `/api/parties/${open.id}`, { token: family }), 404, "party_not_found");
    expectError(await client.call("GET", `/api/parties/${open.id}`), 403, "forbidden");
  });
});

describe("control, hosts and the end", () => {
  it("lets only the host control; every member gets the state, member and host events; the host hands over on leaving", async () => {
    const host = await client.viewer("standard");
    const guest = await client.viewer("standard", "Guest");
    const party = (await createMovieParty(host)).body;
    const hostEvents = await client.events(party.id, host);
    await join(party.code, guest, "Guest");
    const [joined] = await hostEvents.next(1);
    expect(joined).toMatchObject({ event: "member_joined", data: { member: { profile: "Guest", is_host: false } } });

    const guestEvents = await client.events(party.id, guest);
    expect(guestEvents.initial).toMatchObject({ event: "state", data: { playing: false, position: 0 } });
    expectError(await client.call("POST", `/api/parties/${party.id}/control`, { token: guest, body: { action: "play" } }), 403, "not_party_host");
    expectError(await client.call("DELETE", `/api/parties/${party.id}`, { token: guest }), 403, "not_party_host");
    expectError(await client.call("POST", `/api/parties/${party.id}/host`, { token: guest, body: { profile: "Guest" } }), 403, "not_party_host");

    const before = Date.now();
    const played = await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "play", position: 12.5 } });
    expect(played.status).toBe(200);
    expect(played.body.state).toMatchObject({ playing: true, position: 12.5 });
    const [state] = await guestEvents.next(1);
    expect(state).toMatchObject({ event: "state", data: { playing: true, position: 12.5, rate: 1, action: "play" } });
    expect(Date.parse(state.data.updated_at)).toBeGreaterThanOrEqual(before - 1000);

    await new Promise((resolve) => setTimeout(resolve, 300));
    const paused = await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "pause" } });
    // Paused where the party had got to: 12.5 s plus the time it played.
    expect(paused.body.state.playing).toBe(false);
    expect(paused.body.state.position).toBeGreaterThan(12.7);
    expect(paused.body.state.position).toBeLessThan(20);
    await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "seek", position: 40 } });
    expect((await guestEvents.next(2)).map((e) => [e.data.action, e.data.playing, e.data.position])).toEqual([
      ["pause", false, paused.body.state.position],
      ["seek", false, 40],
    ]);

    // The server clock rides along.
    const clock = await guestEvents.sse.events(1).then(async function untilTime(events): Promise<any> {
      return events[0].event === "time" ? events[0] : untilTime(await guestEvents.sse.events(1));
    });
    expect(Math.abs(clock.data.server_ms - Date.now())).toBeLessThan(10_000);
    expect(clock.id).toBeUndefined();

    // Hand over, and back: the host leaves, so the longest-present member (Guest) hosts again.
    const handed = await client.call("POST", `/api/parties/${party.id}/host`, { token: host, body: { profile: "Guest" } });
    expect(handed.status).toBe(200);
    expect(handed.body.host.profile).toBe("Guest");
    expect((await guestEvents.next(1))[0]).toMatchObject({ event: "host_changed", data: { host: { profile: "Guest" }, reason: "transferred" } });
    await client.call("POST", `/api/parties/${party.id}/host`, { token: guest, body: { profile: party.you } });
    expect((await guestEvents.next(1))[0].data.host.profile).toBe("Main");
    expect((await client.call("POST", `/api/parties/${party.id}/leave`, { token: host, body: {} })).status).toBe(200);
    expect((await guestEvents.next(2)).map((e) => [e.event, e.data.host?.profile ?? e.data.member.profile])).toEqual([
      ["member_left", "Main"],
      ["host_changed", "Guest"],
    ]);
    expect((await client.call("GET", "/api/streams", { token: host })).body.items).toEqual([]);
    // The leaver's own event stream ends with their leaving: nothing said in the party after it reaches them.
    const hostRest = (await hostEvents.sse.rest()).filter((e) => e.event !== "time");
    expect(hostRest.at(-1)).toMatchObject({ event: "member_left", data: { member: { profile: "Main" } } });
    // Gone from the party: it does not exist for them any more, and their stream reconnect is refused.
    expectError(await client.call("GET", `/api/parties/${party.id}`, { token: host }), 404, "party_not_found");
    expectError(await client.eventsRefused(party.id, host), 404, "party_not_found");

    // The new host ends it: everyone hears, their streams end, and the code stops working.
    expect((await client.call("DELETE", `/api/parties/${party.id}`, { token: guest })).status).toBe(200);
    expect((await guestEvents.next(1))[0]).toMatchObject({ event: "ended", data: { reason: "ended_by_host" } });
    // …and the stream ends with it.
    expect((await guestEvents.sse.rest()).filter((e) => e.event !== "time")).toEqual([]);
    expect((await client.call("GET", "/api/streams", { token: guest })).body.items).toEqual([]);
    expectError(await join(party.code, host), 410, "party_ended");
    expectError(await client.call("GET", `/api/parties/${party.id}`, { token: guest }), 410, "party_ended");
    guestEvents.close();
  });

  it("pauses everyone while a member rebuffers when the host waits for everyone, and resumes when all have recovered", async () => {
    const host = await client.viewer("standard");
    const guest = await client.viewer("standard");
    const party = (await createMovieParty(host, { wait_for_everyone: true })).body;
    await join(party.code, guest);
    await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "play", position: 5 } });
    const held = await client.call("POST", `/api/parties/${party.id}/buffering`, { token: guest, body: { buffering: true } });
    expect(held.body.state).toMatchObject({ playing: false, waiting_for_members: true });
    expect(held.body.state.position).toBeGreaterThanOrEqual(5);
    const resumed = await client.call("POST", `/api/parties/${party.id}/buffering`, { token: guest, body: { buffering: false } });
    expect(resumed.body.state).toMatchObject({ playing: true, waiting_for_members: false, position: held.body.state.position });
    // Without the option a stall changes nothing for the others.
    const options = await client.call("PATCH", `/api/parties/${party.id}`, { token: host, body: { wait_for_everyone: false } });
    expect(options.body.wait_for_everyone).toBe(false);
    expect((await client.call("POST", `/api/parties/${party.id}/buffering`, { token: guest, body: { buffering: true } })).body.state.playing).toBe(true);
    expectError(await client.call("PATCH", `/api/parties/${party.id}`, { token: guest, body: { wait_for_everyone: true } }), 403, "not_party_host");
  });

  it("ends the party when its last member leaves", async () => {
    const host = await client.viewer("standard");
    const party = (await createMovieParty(host)).body;
    expect((await client.call("POST", `/api/parties/${party.id}/leave`, { token: host })).status).toBe(200);
    expectError(await join(party.code, await client.viewer("standard")), 410, "party_ended");
  });
});

describe("invitations", () => {
  it("a member invites another member by username: one party_invite notification linking to the party, sent once; the refusals", async () => {
    const host = await client.viewer("standard");
    const party = (await createMovieParty(host)).body;
    const username = `inv_${randomUUID().slice(0, 8)}`;
    const password = "correct horse battery";
    await client.call("POST", "/api/accounts/new", { body: { username, password, email: `${username}@example.com` } });
    const friend = (await client.call("POST", "/api/accounts/token", { body: { username, password }, headers: { "x-forwarded-for": "10.7.7.7" } })).body.bearer_token;
    const invite = (token: string, body: unknown) => client.call("POST", `/api/parties/${party.id}/invites`, { token, body });

    expect(await invite(host, { username: username.toUpperCase() })).toEqual({ status: 200, body: { invited: username } });
    expect((await invite(host, { username })).status).toBe(200);
    const inbox = (await client.call("GET", "/api/notifications?type=party_invite", { token: friend })).body;
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ type: "party_invite", title: "Main invited you to a watch party", url: `/party/${party.code}`, data: { code: party.code } });
    expect(inbox.items[0].body).toContain("Sunny Day");

    const hostName = (await client.call("GET", "/api/accounts/me", { token: host })).body.username;
    expectError(await invite(host, { username: hostName }), 422, "cannot_invite_self");
    expectError(await invite(host, { username: "nobody_by_this_name" }), 404, "member_not_found");
    expectError(await invite(host, { username, note: "hi" }), 422, "validation_failed");
    expectError(await invite(friend, { username: hostName }), 404, "party_not_found");
    expect((await client.call("POST", `/api/parties/${party.id}/leave`, { token: host })).status).toBe(200);
    expectError(await invite(host, { username }), 410, "party_ended");
  });
});

describe("chat, reactions and typing", () => {
  it("sends plain-text messages stamped with the video time, pages the history, throttles, and refuses what is not a message", async () => {
    const host = await client.viewer("standard");
    const guest = await client.viewer("standard", "Ana");
    const party = (await createMovieParty(host)).body;
    await join(party.code, guest, "Ana");
    const events = await client.events(party.id, host);
    await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "seek", position: 33 } });
    const sent = await client.call("POST", `/api/parties/${party.id}/messages`, { token: guest, body: { text: "  <b>hi</b> & welcome\nall  " } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ profile: "Ana", text: "<b>hi</b> & welcome\nall", position: 33 });
    expect((await events.next(2))[1]).toMatchObject({ event: "message", id: expect.any(Number), data: { text: "<b>hi</b> & welcome\nall", profile: "Ana" } });

    for (const text of ["", "   ", "x".repeat(501), "bell\u0007"]) {
      expectError(await client.call("POST", `/api/parties/${party.id}/messages`, { token: guest, body: { text } }), 422, "validation_failed");
    }
    expect((await client.call("POST", `/api/parties/${party.id}/messages`, { token: guest, body: { text: "é".repeat(500) } })).status).toBe(201);
    for (let n = 0; n < 8; n++) await client.call("POST", `/api/parties/${party.id}/messages`, { token: host, body: { text: `m${n}` } });
    const page = await client.call("GET", `/api/parties/${party.id}/messages?limit=5`, { token: guest });
    expect(page.body).toMatchObject({ total: 10, limit: 5, offset: 0 });
    expect(page.body.items.map((m: { text: string }) => m.text)).toEqual(["m7", "m6", "m5", "m4", "m3"]);
    const older = await client.call("GET", `/api/parties/${party.id}/messages?limit=5&before=${page.body.items[4].id}`, { token: guest });
    expect(older.body.items.map((m: { text: string }) => m.text).slice(0, 3)).toEqual(["m2", "m1", "m0"]);
    expect(older.body.items).toHaveLength(5);
    // Ten messages in ten seconds per member.
    for (let n = 8; n < 10; n++) expect((await client.call("POST", `/api/parties/${party.id}/messages`, { token: host, body: { text: `m${n}` } })).status).toBe(201);
    expectError(await client.call("POST", `/api/parties/${party.id}/messages`, { token: host, body: { text: "one too many" } }), 429, "rate_limited");
    expect((await client.call("POST", `/api/parties/${party.id}/messages`, { token: guest, body: { text: "still fine" } })).status).toBe(201);
    // Non-members cannot read or write.
    const outsider = await client.viewer("standard");
    expectError(await client.call("GET", `/api/parties/${party.id}/messages`, { token: outsider }), 404, "party_not_found");
    expectError(await client.call("POST", `/api/parties/${party.id}/messages`, { token: outsider, body: { text: "hi" } }), 404, "party_not_found");
    events.close();
  });

  it("delivers reactions and typing to the members, one emoji at a time", async () => {
    const host = await client.viewer("standard");
    const guest = await client.viewer("standard");
    const party = (await createMovieParty(host)).body;
    await join(party.code, guest);
    const events = await client.events(party.id, host);
    for (const emoji of ["😂", "👍🏽", "❤️", "👨‍👩‍👧"]) {
      expect((await client.call("POST", `/api/parties/${party.id}/reactions`, { token: guest, body: { emoji } })).status).toBe(201);
    }
    expect((await client.call("POST", `/api/parties/${party.id}/typing`, { token: guest, body: { typing: true } })).status).toBe(200);
    const got = await events.next(5);
    expect(got.map((e) => e.event)).toEqual(["reaction", "reaction", "reaction", "reaction", "typing"]);
    expect(got[0].data).toMatchObject({ emoji: "😂", position: 0 });
    expect(got[4].data).toMatchObject({ typing: true, member_id: got[0].data.member_id });
    for (const emoji of ["", "ab", "😂😂", "<script>", "x".repeat(40)]) {
      expectError(await client.call("POST", `/api/parties/${party.id}/reactions`, { token: guest, body: { emoji } }), 422, "validation_failed");
    }
    events.close();
  });
});

describe("the event stream", () => {
  it("replays after Last-Event-ID exactly what the member missed, then goes on live", async () => {
    const host = await client.viewer("standard");
    const guest = await client.viewer("standard");
    const party = (await createMovieParty(host)).body;
    await join(party.code, guest);
    const first = await client.events(party.id, guest);
    await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "seek", position: 1 } });
    const [seen] = await first.next(1);
    first.close();
    // Missed while away: three changes, and one in another party that must not appear.
    const otherHost = await client.viewer("standard");
    const other = (await createMovieParty(otherHost)).body;
    await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "seek", position: 2 } });
    await client.call("POST", `/api/parties/${party.id}/messages`, { token: host, body: { text: "you missed this" } });
    await client.call("POST", `/api/parties/${other.id}/control`, { token: otherHost, body: { action: "play" } });
    await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "seek", position: 3 } });
    const resumed = await client.events(party.id, guest, seen.id);
    const missed = await resumed.next(3);
    expect(missed.map((e) => [e.event, e.event === "message" ? e.data.text : e.data.position])).toEqual([
      ["state", 2],
      ["message", "you missed this"],
      ["state", 3],
    ]);
    expect(missed[0].id).toBeGreaterThan(seen.id!);
    await client.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "seek", position: 4 } });
    expect((await resumed.next(1))[0].data.position).toBe(4);
    resumed.close();
    expect((await client.call("GET", `/api/parties/${party.id}/events?last_event_id=abc`, { token: guest })).status).toBe(422);
  });
});
