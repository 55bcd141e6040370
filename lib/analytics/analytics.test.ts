// Playback events and the playback-quality report against a real database (this file's own): a batch is stored
// whole or not at all, events land in their month's partition, and the report matches a known history.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "@/test/fresh-database";

useFreshDatabase();

let events: typeof import("./events");
let quality: typeof import("./playback-quality");
let schema: typeof import("./event-schema");
let client: typeof import("@/db/client");
let tables: typeof import("@/db/schema");
const admin = { accountId: randomUUID(), sessionId: randomUUID(), username: "admin", role: "admin" as const };

beforeAll(async () => {
  [events, quality, schema, client, tables] = await Promise.all([import("./events"), import("./playback-quality"), import("./event-schema"), import("@/db/client"), import("@/db/schema")]);
});

async function viewer() {
  const { insertAccount } = await import("@/db/queries/accounts");
  const { insertProfileWithinLimit } = await import("@/db/queries/profiles");
  const username = `a_${randomUUID().slice(0, 8)}`;
  const account = await insertAccount({ username, email: `${username}@example.com`, passwordHash: "x" });
  const profile = (await insertProfileWithinLimit({ accountId: account.id, name: "Main" }, 5))!;
  const [movie] = await client.db().insert(tables.titles).values({ kind: "movie", title: "Clip", year: 2025, maturityRating: "PG", maturityLevel: 1 }).returning();
  const [asset] = await client.db().insert(tables.mediaAssets).values({ directory: `a-${randomUUID()}` }).returning();
  const [stream] = await client.db().insert(tables.streams).values({ accountId: account.id, profileId: profile.id, kind: "movie", itemId: movie.id, titleId: movie.id, assetId: asset.id }).returning();
  return { principal: { accountId: account.id, sessionId: randomUUID(), username, role: "viewer" as const }, profile, movie, stream };
}

const count = async () => (await client.queryRows<{ n: number }>((await import("drizzle-orm")).sql`select count(*)::int as n from playback_events`))[0].n;
const iso = (msAgo = 0) => new Date(Date.now() - msAgo).toISOString();

describe("a batch of events", () => {
  it("is validated per type: each type takes its own data, strictly", () => {
    const ok = (event: unknown) => schema.eventBatch.safeParse({ events: [event] }).success;
    const at = iso();
    expect(ok({ type: "startup", occurred_at: at, data: { startup_ms: 850, rendition: "720p", bitrate: 2_800_000 } })).toBe(true);
    expect(ok({ type: "seek", occurred_at: at, data: { from_seconds: 10, to_seconds: 300 } })).toBe(true);
    expect(ok({ type: "seek", occurred_at: at, data: { position_seconds: 10 } })).toBe(false);
    expect(ok({ type: "startup", occurred_at: at, data: { startup_ms: -1 } })).toBe(false);
    expect(ok({ type: "error", occurred_at: at, data: { code: "network" } })).toBe(false); // fatal is required
    expect(ok({ type: "heartbeat", occurred_at: at, data: { position_seconds: 1, played_ms: 1000, extra: 1 } })).toBe(false);
    expect(ok({ type: "teleport", occurred_at: at, data: {} })).toBe(false);
    expect(ok({ type: "play", occurred_at: "yesterday", data: { position_seconds: 1 } })).toBe(false);
    expect(ok({ type: "play", occurred_at: at, data: { position_seconds: 1 }, colour: "red" })).toBe(false);
    const many = Array.from({ length: 501 }, () => ({ type: "play", occurred_at: at, data: { position_seconds: 1 } }));
    expect(schema.eventBatch.safeParse({ events: many }).success).toBe(false);
    expect(schema.eventBatch.safeParse({ events: many.slice(1) }).success).toBe(true);
    expect(schema.eventBatch.safeParse({ events: [] }).success).toBe(false);
  });

  it("is stored whole, with what the stream implies, in its month's partition", async () => {
    const v = await viewer();
    const batch = schema.eventBatch.parse({
      events: [
        { type: "startup", occurred_at: iso(), stream_id: v.stream.id, data: { startup_ms: 900, rendition: "720p", bitrate: 2_800_000 } },
        { type: "heartbeat", occurred_at: iso(), profile: "Main", item: v.movie.id, data: { position_seconds: 30, played_ms: 30_000, rendition: "720p", bitrate: 2_800_000 } },
      ],
    }).events;
    expect(await events.ingestEvents(v.principal, batch)).toEqual({ accepted: 2 });
    const { sql } = await import("drizzle-orm");
    const rows = await client.queryRows<{ part: string; profile_id: string; title_id: string; duration_ms: number; rendition: string }>(
      sql`select tableoid::regclass::text as part, profile_id, title_id, duration_ms, rendition from playback_events where account_id = ${v.principal.accountId} order by duration_ms`,
    );
    const month = new Date().toISOString().slice(0, 7).replace("-", "_");
    expect(rows).toEqual([
      { part: `playback_events_${month}`, profile_id: v.profile.id, title_id: v.movie.id, duration_ms: 900, rendition: "720p" },
      { part: `playback_events_${month}`, profile_id: v.profile.id, title_id: v.movie.id, duration_ms: 30_000, rendition: "720p" },
    ]);
  });

  it("with any event the account may not report is refused whole: nothing of it is stored", async () => {
    const v = await viewer();
    const other = await viewer();
    const good = { type: "play" as const, occurred_at: iso(), stream_id: v.stream.id, data: { position_seconds: 1 } };
    const before = await count();
    const bad = [
      { ...good, stream_id: other.stream.id }, // someone else's stream
      { ...good, stream_id: undefined, profile: "Nobody" },
      { ...good, stream_id: undefined, item: randomUUID() },
      { ...good, occurred_at: iso(8 * 86_400_000) }, // too old
      { ...good, occurred_at: iso(-3_600_000) }, // from the future
    ];
    for (const event of bad) {
      await expect(events.ingestEvents(v.principal, [good, event, good])).rejects.toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ field: expect.stringMatching(/^body\.events\.1\./) })] });
    }
    expect(await count()).toBe(before);
  });
});

describe("the playback-quality report", () => {
  it("matches a known history: startup percentiles, rebuffer ratio, bitrate and errors by day and rendition", async () => {
    const v = await viewer();
    const yesterday = 86_400_000;
    const at = (msAgo: number) => new Date(Math.floor((Date.now() - msAgo) / yesterday) * yesterday + 12 * 3_600_000).toISOString(); // noon UTC that day
    const e = (type: string, daysAgo: number, data: Record<string, unknown>) => ({ type, occurred_at: at(daysAgo * yesterday), stream_id: v.stream.id, data });
    // Yesterday and the day before: the other tests' events are from now.
    const [d1, d2] = [1, 2];
    const startups = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000];
    const batch = schema.eventBatch.parse({
      events: [
        ...startups.map((ms) => e("startup", d1, { startup_ms: ms, rendition: "480p" })),
        e("heartbeat", d1, { position_seconds: 60, played_ms: 3_000_000, rendition: "480p", bitrate: 3_000_000 }),
        e("heartbeat", d1, { position_seconds: 90, played_ms: 1_000_000, rendition: "240p", bitrate: 1_000_000 }),
        e("rebuffer_end", d1, { position_seconds: 60, duration_ms: 1_000_000, rendition: "240p" }),
        e("error", d1, { code: "network", fatal: true, rendition: "2160p" }),
        e("error", d1, { code: "network", fatal: true, rendition: "2160p" }),
        e("error", d2, { code: "media", fatal: true }),
      ],
    }).events;
    await events.ingestEvents(v.principal, batch);
    const report = await quality.playbackQuality(admin, 7);
    expect(report.per_day).toHaveLength(7);
    const day = (daysAgo: number) => report.per_day.find((d) => d.day === at(daysAgo * yesterday).slice(0, 10))!;
    // percentile_cont: p50 of 100..2000 step 100 is 1050, p95 is 1905.
    expect(day(d1)).toEqual({ day: at(d1 * yesterday).slice(0, 10), starts: 20, startup_p50_ms: 1050, startup_p95_ms: 1905, rebuffer_ratio: 0.2, avg_bitrate: 2_500_000, played_hours: 1.11, errors: 2 });
    expect(day(d2)).toMatchObject({ starts: 0, startup_p50_ms: null, errors: 1 });
    expect(report.per_rendition.find((r) => r.rendition === "240p")).toMatchObject({ rebuffer_ratio: 0.5, avg_bitrate: 1_000_000 });
    expect(report.per_rendition.find((r) => r.rendition === "480p")).toMatchObject({ starts: 20, rebuffer_ratio: 0, avg_bitrate: 3_000_000 });
    expect(report.errors).toEqual([
      { day: at(d2 * yesterday).slice(0, 10), rendition: "unknown", code: "media", count: 1 },
      { day: at(d1 * yesterday).slice(0, 10), rendition: "2160p", code: "network", count: 2 },
    ]);
    await expect(quality.playbackQuality(v.principal, 7)).rejects.toMatchObject({ code: "forbidden" });

    // Folded into the daily rollup, the report is the same; a second fold adds nothing twice, and events received
    // after a fold are added to what it folded.
    const { foldPlaybackQuality } = await import("@/db/queries/playback-quality");
    expect(await foldPlaybackQuality(0)).toBeGreaterThanOrEqual(batch.length);
    expect(await quality.playbackQuality(admin, 7)).toEqual(report);
    expect(await foldPlaybackQuality(0)).toBe(0);
    expect(await quality.playbackQuality(admin, 7)).toEqual(report);
    await events.ingestEvents(v.principal, schema.eventBatch.parse({ events: [2100, 2200].map((ms) => e("startup", d1, { startup_ms: ms, rendition: "480p" })) }).events);
    // 100..2200 step 100: p50 1150, p95 2095.
    const after = await quality.playbackQuality(admin, 7);
    expect(after.per_day.find((d) => d.day === at(d1 * yesterday).slice(0, 10))).toMatchObject({ starts: 22, startup_p50_ms: 1150, startup_p95_ms: 2095 });
    await foldPlaybackQuality(0);
    expect(await quality.playbackQuality(admin, 7)).toEqual(after);
  });
});

describe("retention", () => {
  it("drops whole months older than the retention, and old rows the default partition caught, keeping the rest", async () => {
    const { sql } = await import("drizzle-orm");
    const { maintainPlaybackPartitions, retentionStart } = await import("./partitions");
    const { playbackEvents } = await import("@/db/schema/analytics");
    expect(retentionStart(new Date("2026-12-07T10:00:00Z"), 13)).toBe("2025-11-01");
    expect(retentionStart(new Date("2026-01-31T23:59:00Z"), 1)).toBe("2025-12-01");
    const { principal } = await viewer();
    const event = (occurredAt: string) => ({ occurredAt: new Date(occurredAt), accountId: principal.accountId, type: "heartbeat" });
    await client.queryRows(sql`create table playback_events_2020_01 partition of playback_events for values from ('2020-01-01') to ('2020-02-01')`);
    await client.db().insert(playbackEvents).values([event("2020-01-15T12:00:00Z"), event("2019-06-01T00:00:00Z"), event(iso())]);
    const mine = async () =>
      (await client.queryRows<{ at: string }>(sql`select to_char(occurred_at at time zone 'UTC', 'YYYY-MM') as at from playback_events where account_id = ${principal.accountId} order by occurred_at`)).map((row) => row.at);
    expect(await mine()).toHaveLength(3);

    expect(await maintainPlaybackPartitions(new Date(), 0)).toEqual([]);
    expect(await mine()).toHaveLength(3);
    expect(await maintainPlaybackPartitions(new Date(), 13)).toEqual(["playback_events_2020_01"]);
    expect(await mine()).toEqual([iso().slice(0, 7)]);
    const left = await client.queryRows<{ name: string }>(sql`select relname as name from pg_class where relname = 'playback_events_2020_01'`);
    expect(left).toEqual([]);
  });
});
