import "server-only";
import {
  addHits,
  deleteCounter,
  incrementCounter,
  readCounter,
  returnHit,
  takeHit,
  type Counter,
  type CounterSnapshot,
} from "@/db/queries/rate-limits";
import { env } from "./env";

// Fixed-window limits kept in the database, so every app instance shares them. `consume` counts each hit in the
// database at once, `reserve` takes one before the work it guards (the failed-sign-in throttle); the API limits go through `BatchedCounters`, which counts in memory
// and adds the hits to the same database counters every FLUSH_INTERVAL_MS.

export type Limit = { max: number; windowSeconds: number };

export type LimitState = { limit: number; remaining: number; resetAt: Date; exceeded: boolean };

function stateOf(counter: Counter | undefined, limit: Limit): LimitState {
  const count = counter?.count ?? 0;
  const start = counter?.windowStart ?? new Date();
  return {
    limit: limit.max,
    remaining: Math.max(0, limit.max - count),
    resetAt: new Date(start.getTime() + limit.windowSeconds * 1000),
    exceeded: count > limit.max,
  };
}

/** Counts a request against `key`; `exceeded` once the window's budget is spent. */
export async function consume(key: string, limit: Limit): Promise<LimitState> {
  return stateOf(await incrementCounter(key, limit.windowSeconds), limit);
}

/**
 * Takes one hit of `key`'s budget before the work it guards, atomically: of many concurrent callers at most
 * `limit.max` get one per window. `exceeded` when none was left (nothing is counted then); `release` gives a hit back
 * when the attempt turns out not to count (a sign-in that succeeded).
 */
export async function reserve(key: string, limit: Limit): Promise<LimitState> {
  const taken = await takeHit(key, limit.max, limit.windowSeconds);
  if (taken) return stateOf(taken, limit);
  return { ...stateOf(await readCounter(key, limit.windowSeconds), limit), remaining: 0, exceeded: true };
}

export function release(key: string, limit: Limit): Promise<void> {
  return returnHit(key, limit.windowSeconds);
}

export const resetLimit = deleteCounter;

export function retryAfterSeconds(state: LimitState): number {
  return Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
}

export const FLUSH_INTERVAL_MS = 500;

type Window = {
  windowSeconds: number;
  /** The database's count after this process's last flush: every instance's flushed hits. */
  shared: number;
  /** Hits counted here, not sent yet. */
  pending: number;
  /** Hits in the flush under way. */
  flushing: number;
  /** When the window ends, on this process's clock. */
  resetAt: number;
};

/**
 * Fixed-window counters kept in this process and added to the shared database counters in one statement every
 * `flushIntervalMs`. A key's first hit in a window reads the shared count (one round trip); later hits cost none.
 * In one process the counts are exact; across instances a client can get past a limit by what the other instances
 * accepted from it since their last flush (one flush interval's worth).
 */
export class BatchedCounters {
  private windows = new Map<string, Window>();
  private opening = new Map<string, Promise<Window>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly flushIntervalMs = FLUSH_INTERVAL_MS) {}

  /** Counts a request against `key`; `exceeded` once the window's budget is spent. */
  async consume(key: string, limit: Limit): Promise<LimitState> {
    const window = await this.windowFor(key, limit.windowSeconds);
    window.pending++;
    this.schedule();
    const count = window.shared + window.flushing + window.pending;
    return { limit: limit.max, remaining: Math.max(0, limit.max - count), resetAt: new Date(window.resetAt), exceeded: count > limit.max };
  }

  /** Sends the pending hits now (also what the timer does). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = undefined;
      if ([...this.windows.values()].some((window) => window.pending > 0)) this.schedule();
    });
    return this.flushing;
  }

  private schedule() {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs);
    this.timer.unref?.();
  }

  private windowFor(key: string, windowSeconds: number): Window | Promise<Window> {
    const window = this.windows.get(key);
    if (window && Date.now() < window.resetAt) return window;
    let opening = this.opening.get(key);
    if (!opening) {
      opening = this.open(key, windowSeconds).finally(() => this.opening.delete(key));
      this.opening.set(key, opening);
    }
    return opening;
  }

  private async open(key: string, windowSeconds: number): Promise<Window> {
    // Hits still pending from the window that ended belong to it: they are dropped with it.
    const [row] = await addHits([{ key, hits: 0 }], windowSeconds);
    const window: Window = { windowSeconds, shared: 0, pending: 0, flushing: 0, resetAt: 0 };
    adopt(window, row);
    this.windows.set(key, window);
    return window;
  }

  private async flushOnce(): Promise<void> {
    const now = Date.now();
    const batches = new Map<number, { key: string; window: Window }[]>();
    for (const [key, window] of this.windows) {
      if (window.pending === 0) {
        if (window.resetAt <= now && window.flushing === 0) this.windows.delete(key);
        continue;
      }
      window.flushing = window.pending;
      window.pending = 0;
      const batch = batches.get(window.windowSeconds) ?? [];
      batch.push({ key, window });
      batches.set(window.windowSeconds, batch);
    }
    for (const [windowSeconds, batch] of batches) {
      try {
        const rows = new Map((await addHits(batch.map(({ key, window }) => ({ key, hits: window.flushing })), windowSeconds)).map((row) => [row.key, row]));
        for (const { key, window } of batch) {
          window.flushing = 0;
          const row = rows.get(key);
          if (row) adopt(window, row);
        }
      } catch (error) {
        // Kept for the next flush: the database may be back by then.
        for (const { window } of batch) {
          window.pending += window.flushing;
          window.flushing = 0;
        }
        console.error(`rate limits: the counters could not be saved: ${(error as Error).message.split("\n")[0]}`);
      }
    }
  }
}

/** Takes the database's count and window; the end is moved onto this process's clock. */
function adopt(window: Window, row: CounterSnapshot) {
  window.shared = row.count;
  window.resetAt = Date.now() + (row.windowStartMs + window.windowSeconds * 1000 - row.nowMs);
}

// One set of counters per process, kept on globalThis (like the database connection) so that every module graph
// loading this file counts into the same windows.
const countersKey = Symbol.for("normflix.api-rate-counters");
const processState = globalThis as unknown as { [countersKey]?: BatchedCounters };
const apiCounters = (processState[countersKey] ??= new BatchedCounters());

/** Adds this process's pending counts to the shared counters now: on shutdown, so a restart forgets no request. */
export function flushApiLimits(): Promise<void> {
  return apiCounters.flush();
}

/** Counts an API request against its client's budget in `group`. */
export function consumeApiLimit(group: ApiLimitGroup, client: string): Promise<LimitState> {
  return apiCounters.consume(`api:${group}:${client}`, scaledApiLimit(group));
}

/** Request budgets per API group and client (account or IP), scaled by RATE_LIMIT_MULTIPLIER. */
export const apiLimits = {
  default: { max: 600, windowSeconds: 60 },
  auth: { max: 30, windowSeconds: 60 },
  /** Player event batches (POST /api/analytics/events): a player sends one every 20 s or so. */
  analytics: { max: 120, windowSeconds: 60 },
} satisfies Record<string, Limit>;

export type ApiLimitGroup = keyof typeof apiLimits;

export function scaledApiLimit(group: ApiLimitGroup): Limit {
  const limit = apiLimits[group];
  return { ...limit, max: Math.max(1, Math.round(limit.max * env.RATE_LIMIT_MULTIPLIER)) };
}
