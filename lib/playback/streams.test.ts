import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/rules";
import type { PlaybackFixture } from "./test-fixtures";
import { useFreshDatabase } from "@/test/fresh-database";

// Leases at the service level, where time can be moved: a stream whose progress writes stop lapses after
// LEASE_SECONDS and frees its slot; a progress write never revives a lapsed lease; simultaneous starts never exceed
// the plan. Runs on this file's own database (a fresh one on PostgreSQL: it adds titles).

let modules: {
  client: typeof import("@/db/client");
  schema: typeof import("@/db/schema");
  streams: typeof import("./streams");
  drizzle: typeof import("drizzle-orm");
};
let fixture: PlaybackFixture;

// The statement count test reads drizzle's statements too (lib/env reads this when the beforeAll below imports it).
process.env.TRACE_QUERIES = "true";

useFreshDatabase();

beforeAll(async () => {
  modules = {
    client: await import("@/db/client"),
    schema: await import("@/db/schema"),
    streams: await import("./streams"),
    drizzle: await import("drizzle-orm"),
  };
  const { mediaDir } = await import("@/lib/env");
  fixture = await (await import("./test-fixtures")).seedPlaybackFixture(mediaDir);
});


async function basicViewer(): Promise<Viewer> {
  const { db } = modules.client;
  const { accounts, subscriptions, profiles } = modules.schema;
  const username = `lease_${randomUUID().slice(0, 8)}`;
  const [account] = await db().insert(accounts).values({ username, email: `${username}@example.com`, passwordHash: "x" }).returning();
  await db().insert(subscriptions).values({ accountId: account.id, plan: "basic", status: "active", provider: "local" });
  const [profile] = await db().insert(profiles).values({ accountId: account.id, name: "Main" }).returning();
  return { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" }, profile };
}

const movie = () => ({ kind: "movie" as const, movieId: fixture.pgMovieId });
const start = (viewer: Viewer, device: string) => modules.streams.startStream(viewer, movie(), { userAgent: device });

/** What the player's PUT does: the contract's progress write (which renews the lease in the same statement). */
async function renew(viewer: Viewer, target: { kind: "movie_watch_progress"; movie_id: string }) {
  const { createProgress, setProgress } = await import("@/lib/profiles/progress");
  await createProgress(viewer, target, { progress: 5 }).catch(() => setProgress(viewer, target, { progress: 6 }));
}

async function silence(streamId: string, seconds: number) {
  const { db } = modules.client;
  const { streams } = modules.schema;
  const { eq, sql } = modules.drizzle;
  await db().update(streams).set({ lastSeenAt: sql`now() - make_interval(secs => ${seconds})` }).where(eq(streams.id, streamId));
}

describe("stream leases", () => {
  it("a stream silent for longer than the lease frees its slot; one silent for less does not", async () => {
    const viewer = await basicViewer();
    const first = await start(viewer, "tv");
    await silence(first.stream_id, modules.streams.LEASE_SECONDS - 10);
    await expect(start(viewer, "phone")).rejects.toMatchObject({ code: "stream_limit_reached" });
    await silence(first.stream_id, modules.streams.LEASE_SECONDS + 1);
    expect((await modules.streams.listStreams(viewer.principal)).items).toEqual([]);
    const second = await start(viewer, "phone");
    expect(second.stream_id).not.toBe(first.stream_id);
  });

  it("a progress write renews a live lease but never revives a lapsed one (its slot may be taken)", async () => {
    const viewer = await basicViewer();
    const target = { kind: "movie_watch_progress" as const, movie_id: fixture.pgMovieId };
    const stream = await start(viewer, "tv");
    await silence(stream.stream_id, 60);
    await renew(viewer, target);
    const [live] = (await modules.streams.listStreams(viewer.principal)).items;
    expect(Date.now() - Date.parse(live.last_seen_at)).toBeLessThan(10_000);
    await silence(stream.stream_id, modules.streams.LEASE_SECONDS + 5);
    await renew(viewer, target);
    expect((await modules.streams.listStreams(viewer.principal)).items).toEqual([]);
  });

  it("of simultaneous starts on a one-stream plan, exactly one wins", async () => {
    const viewer = await basicViewer();
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => start(viewer, `device-${i}`)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "stream_limit_reached" });
    expect((await modules.streams.listStreams(viewer.principal)).items).toHaveLength(1);

    // The same race at the query itself, where the requests arrive together (PostgreSQL: separate connections).
    const { openStreamWithinLimit } = await import("@/db/queries/streams");
    const other = await basicViewer();
    const values = { accountId: other.principal.accountId, profileId: other.profile.id, kind: "movie" as const, itemId: fixture.pgMovieId, titleId: fixture.pgMovieId, assetId: fixture.assetId, ip: null };
    const opened = await Promise.all(Array.from({ length: 8 }, (_, i) => openStreamWithinLimit({ ...values, userAgent: `d${i}` }, 1, 120)));
    expect(opened.filter((o) => o.stream)).toHaveLength(1);
  });

  it("a start is two statements: what decides (title, item, plan, rights, media, position) and the lease", async () => {
    const { traceRequest } = await import("@/db/query-trace");
    const viewer = await basicViewer();
    const statementsOf = async (run: () => Promise<unknown>) => {
      let ended: () => void = () => undefined;
      let statements: string[] = [];
      await traceRequest(async () => void (await run()), (listener) => (ended = listener), (seen) => (statements = seen));
      ended();
      return statements;
    };
    const started = await statementsOf(() => start(viewer, "tv"));
    expect(started).toHaveLength(2);
    expect(started[1]).toContain("open_stream(");
    // A refusal for the plan's limit reads the live streams it names.
    const refused = await statementsOf(() => start(viewer, "phone").catch((error) => expect(error).toMatchObject({ code: "stream_limit_reached" })));
    expect(refused).toHaveLength(3);
  });
});
