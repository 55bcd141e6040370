import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "@/test/fresh-database";
import { readSse } from "./test-sse";

// lib/realtime/ against a real database (this file's own): what a client of an event stream would notice.

let realtime: typeof import("./index");
let client: typeof import("@/db/client");

useFreshDatabase();

beforeAll(async () => {
  realtime = await import("./index");
  client = await import("@/db/client");
});

let topicCount = 0;
/** A topic no other test publishes on. */
const newTopic = () => `test.topic-${++topicCount}`;

function open(topics: string[], options: Partial<import("./stream").EventStreamOptions> = {}) {
  const abort = new AbortController();
  const response = realtime.eventStream({ topics, signal: abort.signal, ...options });
  return { abort, sse: response.then(readSse) };
}

const until = async (predicate: () => boolean, ms = 5_000) => {
  for (const deadline = Date.now() + ms; !predicate(); ) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("event streams", () => {
  it("send a retry hint, then live events of their topics only, with ids, in order", async () => {
    const topic = newTopic();
    const stream = open([topic]);
    const sse = await stream.sse;
    expect(await sse.next()).toEqual({ retry: 2000 });
    await realtime.publish(topic, "hello", { n: 1 });
    await realtime.publish(newTopic(), "elsewhere", { n: 0 });
    await realtime.publish(topic, "hello", { n: 2 });
    const events = await sse.events(2);
    expect(events.map((e) => [e.event, e.data])).toEqual([["hello", { n: 1 }], ["hello", { n: 2 }]]);
    expect(events[1].id!).toBeGreaterThan(events[0].id!);
    stream.abort.abort();
  });

  it("replay after Last-Event-ID exactly what the client missed, then go on live", async () => {
    const topic = newTopic();
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await realtime.publish(topic, "tick", { n }));
    const stream = open([topic], { lastEventId: ids[0] });
    const sse = await stream.sse;
    await realtime.publish(topic, "tick", { n: 4 });
    const events = await sse.events(3);
    expect(events.map((e) => e.data.n)).toEqual([2, 3, 4]);
    expect(events.slice(0, 2).map((e) => e.id)).toEqual(ids.slice(1));
    stream.abort.abort();

    // The id comes from the Last-Event-ID header, else ?last_event_id=; anything else is the client's mistake (422).
    expect(realtime.lastEventIdOf(new Request("http://x/e", { headers: { "last-event-id": "42" } }))).toBe(42);
    expect(realtime.lastEventIdOf(new Request("http://x/e?last_event_id=7"))).toBe(7);
    expect(realtime.lastEventIdOf(new Request("http://x/e"))).toBeUndefined();
    expect(() => realtime.lastEventIdOf(new Request("http://x/e?last_event_id=-1"))).toThrow(expect.objectContaining({ code: "validation_failed" }));
  });

  it("start a fresh connection with its initial state, read after subscribing, and what follows it; never on a resume", async () => {
    const topic = newTopic();
    const before = await realtime.publish(topic, "state", { n: 1 });
    let state = 1;
    // The state changes while the stream reads it: the change's event follows the initial state, so it is not lost.
    const initial = async () => {
      const read = state;
      state = 2;
      await realtime.publish(topic, "state", { n: 2 });
      return [{ event: "state", data: { n: read } }];
    };
    const freshStream = open([topic], { initial });
    const fresh = await freshStream.sse;
    expect(await fresh.next()).toEqual({ retry: 2000 });
    const [first, second] = await fresh.events(2);
    expect([first.event, first.data, first.id]).toEqual(["state", { n: 1 }, before]);
    expect([second.data, second.id! > before]).toEqual([{ n: 2 }, true]);

    // A resuming client replays from its id instead: no initial state.
    const resumedStream = open([topic], { initial, lastEventId: before });
    const resumed = await resumedStream.sse;
    await resumed.next();
    expect((await resumed.events(1)).map((e) => e.data)).toEqual([{ n: 2 }]);
    await realtime.publish(topic, "state", { n: 3 });
    expect((await resumed.events(1)).map((e) => e.data)).toEqual([{ n: 3 }]);
    freshStream.abort.abort();
    resumedStream.abort.abort();
  });

  it("deliver every event once and in id order while many publish at once, to a stream that joined mid-way too", async () => {
    const [a, b] = [newTopic(), newTopic()];
    const early = open([a, b]);
    const earlySse = await early.sse;
    const first = await realtime.publish(a, "n", { n: -1 });
    // Each in a transaction that stays open a little while after publishing, so commits could overtake each other.
    const publishing = Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        client.db().transaction(async (tx) => {
          const id = await realtime.publish(n % 2 ? a : b, "n", { n }, tx);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
          return id;
        }),
      ),
    );
    // Joins while the others publish, resuming from the first event: part replay, part live.
    const late = open([a, b], { lastEventId: first });
    const lateSse = await late.sse;
    const ids = (await publishing).sort((x, y) => x - y);
    for (const [sse, expected] of [[earlySse, [first, ...ids]], [lateSse, ids]] as const) {
      const got = (await sse.events(expected.length)).map((e) => e.id);
      expect(got).toEqual(expected);
    }
    // And nothing more: the next event is the next one published.
    const after = await realtime.publish(a, "n", { n: 99 });
    expect((await lateSse.events(1))[0].id).toBe(after);
    early.abort.abort();
    late.abort.abort();
  });

  it("carry payloads too large for NOTIFY by reference", async () => {
    const topic = newTopic();
    const stream = open([topic]);
    const sse = await stream.sse;
    const big = { text: "x".repeat(20_000), unicode: "é".repeat(3_000) };
    await realtime.publish(topic, "big", big);
    await realtime.publish(topic, "small", { ok: true });
    const events = await sse.events(2);
    expect(events.map((e) => e.event)).toEqual(["big", "small"]);
    expect(events[0].data).toEqual(big);
    stream.abort.abort();
  });

  it("publish inside a transaction on commit, and never when it rolls back", async () => {
    const topic = newTopic();
    const stream = open([topic]);
    const sse = await stream.sse;
    await client.db().transaction(async (tx) => {
      await realtime.publish(topic, "kept", { n: 1 }, tx);
    });
    await client
      .db()
      .transaction(async (tx) => {
        await realtime.publish(topic, "lost", { n: 2 }, tx);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await realtime.publish(topic, "kept", { n: 3 });
    expect((await sse.events(2)).map((e) => e.data.n)).toEqual([1, 3]);
    stream.abort.abort();
  });

  it("drop a client that stops reading, while one that reads keeps up", async () => {
    const topic = newTopic();
    const slow = open([topic], { maxQueueBytes: 8 * 1024 });
    const fast = open([topic], { maxQueueBytes: 8 * 1024 });
    const [slowSse, fastSse] = [await slow.sse, await fast.sse];
    expect(realtime.subscriberCount(topic)).toBe(2);
    const reading = fastSse.events(101);
    for (let n = 0; n < 100; n++) await realtime.publish(topic, "chunk", { n, filler: "y".repeat(1_000) });
    await until(() => realtime.subscriberCount(topic) === 1);
    // It gets what was already on its way (the queue's bound and what the pipe holds), then the error: not everything.
    let received = 0;
    const dropped = await (async () => {
      for (;;) if ((await slowSse.next())?.event) received++;
    })().catch((error: Error) => error);
    expect(dropped.message).toMatch(/fell too far behind/);
    expect(received).toBeLessThan(20);
    const marker = await realtime.publish(topic, "chunk", { n: 100 });
    const got = await reading;
    expect(got.map((e) => e.data.n)).toEqual(Array.from({ length: 101 }, (_, n) => n));
    expect(got.at(-1)!.id).toBe(marker);
    fast.abort.abort();
  });

  it("send heartbeats, and end after their lifetime, unsubscribed", async () => {
    const topic = newTopic();
    const stream = open([topic], { heartbeatMs: 50, lifetimeMs: 400 });
    const sse = await stream.sse;
    const blocks = [];
    const started = Date.now();
    for (let block = await sse.next(); block; block = await sse.next()) blocks.push(block);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(blocks).toContainEqual({ comment: "heartbeat" });
    expect(realtime.subscriberCount(topic)).toBe(0);
  });

  it("remove the subscriber when the client goes away, and on server shutdown", async () => {
    const topic = newTopic();
    const stream = open([topic]);
    const sse = await stream.sse;
    expect(realtime.subscriberCount(topic)).toBe(1);
    stream.abort.abort();
    expect(realtime.subscriberCount(topic)).toBe(0);
    expect(await sse.events(0)).toEqual([]);
    await sse.next(); // the retry hint
    expect(await sse.next()).toBeUndefined();

    const [one, two] = [open([topic]), open([newTopic()])];
    const sses = [await one.sse, await two.sse];
    realtime.endRealtimeStreams();
    expect(realtime.subscriberCount()).toBe(0);
    for (const s of sses) {
      while (await s.next());
    }
  });

  it("stream whole states for a snapshot feed: at once, then after events", async () => {
    const topic = newTopic();
    let state = 1;
    const stream = open([topic], { snapshot: { event: "state", read: async () => ({ state }), debounceMs: 10 } });
    const sse = await stream.sse;
    expect((await sse.events(1))[0].data).toEqual({ state: 1 });
    state = 2;
    const id = await realtime.publish(topic, "changed", {});
    const [next] = await sse.events(1);
    expect(next).toMatchObject({ id, event: "state", data: { state: 2 } });
    stream.abort.abort();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("after the listening connection drops", () => {
  it("streams re-read what was published meanwhile, in order", { timeout: 15_000 }, async () => {
    const { default: postgres } = await import("postgres");
    const topic = newTopic();
    const stream = open([topic]);
    const sse = await stream.sse;
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const killed = await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`;
    await admin.end();
    expect(killed.length).toBe(1);
    // Published while this process is not listening (it re-listens after 100 ms at the earliest).
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await realtime.publish(topic, "during", { n }));
    expect((await sse.events(3)).map((e) => e.id)).toEqual(ids);
    stream.abort.abort();
  });
});
