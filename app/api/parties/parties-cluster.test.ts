// Watch parties on two app instances sharing one PostgreSQL: whichever instance a member's request or event stream
// lands on, everyone gets every change, and a member who reconnects to the other instance resumes exactly where
// it left off. Two processes cannot share an embedded PGlite directory, so this runs with TEST_DATABASE_URL only.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaybackFixture } from "@/lib/playback/test-fixtures";
import { createTestDatabase, startServer, tempDataDir, type ServerHandle } from "@/test/server-process";
import { partyClient } from "./test-party";

const adminUrl = process.env.TEST_DATABASE_URL;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fixture: PlaybackFixture;
const servers: ServerHandle[] = [];
const dataDirs: string[] = [];

describe.skipIf(!adminUrl)("parties on two instances on one PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl!);
    process.env.DATABASE_URL = database.url;
    const db = await import("@/db/client");
    const { seedPlaybackFixture } = await import("@/lib/playback/test-fixtures");
    await db.openDatabase();
    const mediaDir = tempDataDir("parties-media");
    dataDirs.push(mediaDir);
    fixture = await seedPlaybackFixture(path.join(mediaDir, "media"));
    await db.closeDatabase();
    for (const name of ["a", "b"]) {
      const dataDir = tempDataDir(`parties-${name}`);
      dataDirs.push(dataDir);
      servers.push(await startServer({ DATA_DIR: dataDir, DATABASE_URL: database.url, DEMO_CATALOG: "off", RATE_LIMIT_MULTIPLIER: "50" }));
    }
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("delivers every member's changes to streams on either instance, and resumes on the other after Last-Event-ID", { timeout: 60_000 }, async () => {
    const [a, b] = servers.map((server) => partyClient(server.url));
    const host = await a.viewer("standard");
    const guest = await b.viewer("standard", "Guest");
    const party = (await a.call("POST", "/api/parties", { token: host, body: { profile: "Main", type: "movie", id: fixture.pgMovieId } })).body;
    expect(party.code).toBeTruthy();
    const hostStream = await a.events(party.id, host);
    expect((await b.call("POST", `/api/parties/${party.code}/join`, { token: guest, body: { profile: "Guest" } })).status).toBe(200);
    const guestStream = await b.events(party.id, guest);
    expect((await hostStream.next(1))[0]).toMatchObject({ event: "member_joined", data: { member: { profile: "Guest" } } });

    // The host controls through A; the guest, streaming from B, gets it. The guest chats through B; the host on A reads it.
    await a.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "play", position: 10 } });
    const [state] = await guestStream.next(1);
    expect(state).toMatchObject({ event: "state", data: { playing: true, position: 10 } });
    await b.call("POST", `/api/parties/${party.id}/messages`, { token: guest, body: { text: "from b" } });
    await b.call("POST", `/api/parties/${party.id}/reactions`, { token: guest, body: { emoji: "🎉" } });
    const hostGot = await hostStream.next(2);
    expect(hostGot.map((e) => [e.event, e.event === "message" ? e.data.text : e.data.position])).toEqual([["state", 10], ["message", "from b"]]);
    expect((await hostStream.next(1))[0]).toMatchObject({ event: "reaction", data: { emoji: "🎉" } });

    // The guest drops off B, misses two changes made through A, and reconnects to A: exactly those two, then live.
    guestStream.close();
    await a.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "pause", position: 20 } });
    await a.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "seek", position: 30 } });
    const resumed = await a.events(party.id, guest, state.id);
    const missed = await resumed.next(4);
    expect(missed.map((e) => e.event)).toEqual(["message", "reaction", "state", "state"]);
    expect(missed.slice(2).map((e) => e.data.position)).toEqual([20, 30]);
    await b.call("POST", `/api/parties/${party.id}/control`, { token: host, body: { action: "play" } });
    expect((await resumed.next(1))[0]).toMatchObject({ event: "state", data: { playing: true, position: 30 } });
    hostStream.close();
    resumed.close();
  });
});
