// The API limits count in memory and flush to the shared counters; two BatchedCounters here stand for two app
// instances on one database.
import { describe, expect, it } from "vitest";
import { readCounter } from "@/db/queries/rate-limits";
import { useDatabase } from "@/test/database";
import { BatchedCounters } from "./rate-limit";

useDatabase();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const key = () => `test:${Math.random().toString(36).slice(2)}`;
const limit = { max: 5, windowSeconds: 60 };

describe("BatchedCounters", () => {
  it("counts exactly in one process: remaining goes down by one, the request after the budget is exceeded", async () => {
    const counters = new BatchedCounters(60_000);
    const k = key();
    const states = [];
    for (let i = 0; i < 7; i++) states.push(await counters.consume(k, limit));
    expect(states.map((s) => s.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
    expect(states.map((s) => s.exceeded)).toEqual([false, false, false, false, false, true, true]);
    const reset = states[0].resetAt.getTime();
    expect(reset).toBeGreaterThan(Date.now() + 55_000);
    expect(reset).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it("counts concurrent first hits of a key once each", async () => {
    const counters = new BatchedCounters(60_000);
    const k = key();
    const states = await Promise.all(Array.from({ length: 20 }, () => counters.consume(k, { max: 100, windowSeconds: 60 })));
    expect(states.map((s) => s.remaining).sort((a, b) => b - a)).toEqual(Array.from({ length: 20 }, (_, i) => 99 - i));
  });

  it("adds the hits to the shared counter in one flush, which another instance then sees", async () => {
    const first = new BatchedCounters(60_000);
    const second = new BatchedCounters(60_000);
    const k = key();
    for (let i = 0; i < 3; i++) await first.consume(k, limit);
    expect((await readCounter(k, 60))?.count ?? 0).toBe(0); // not flushed yet
    await first.flush();
    expect((await readCounter(k, 60))?.count).toBe(3);

    // The other instance opens the window from the shared count: its next hit is the fourth.
    expect((await second.consume(k, limit)).remaining).toBe(1);
    await second.flush();
    expect((await readCounter(k, 60))?.count).toBe(4);
    // After its own flush the first instance knows of the other's hit too.
    await first.consume(k, limit);
    await first.flush();
    expect((await readCounter(k, 60))?.count).toBe(5);
    expect((await first.consume(k, limit)).exceeded).toBe(true);
  });

  it("flushes on its own after the interval", async () => {
    const counters = new BatchedCounters(50);
    const k = key();
    await counters.consume(k, limit);
    await counters.consume(k, limit);
    const deadline = Date.now() + 10_000;
    while (((await readCounter(k, 60))?.count ?? 0) < 2 && Date.now() < deadline) await sleep(50);
    expect((await readCounter(k, 60))?.count).toBe(2);
  });

  it("starts a new window once the old one is over", async () => {
    const counters = new BatchedCounters(60_000);
    const k = key();
    const short = { max: 2, windowSeconds: 2 };
    const first = await counters.consume(k, short);
    for (let i = 0; i < 2; i++) await counters.consume(k, short);
    expect((await counters.consume(k, short)).exceeded).toBe(true);
    await counters.flush();
    await sleep(first.resetAt.getTime() - Date.now() + 50);
    const fresh = await counters.consume(k, short);
    expect(fresh).toMatchObject({ exceeded: false, remaining: 1 });
    expect(fresh.resetAt.getTime()).toBeGreaterThan(first.resetAt.getTime());
    await counters.flush();
    expect((await readCounter(k, 2))?.count).toBe(1);
  });
});
