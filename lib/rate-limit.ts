import "server-only";
import { deleteCounter, incrementCounter, readCounter, type Counter } from "@/db/queries/rate-limits";
import { env } from "./env";

// Fixed-window limits kept in the database, so every app instance shares them.

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

/** Whether `key` has already used up its budget (true once the count reaches the maximum). */
export async function isExhausted(key: string, limit: Limit): Promise<LimitState> {
  const state = stateOf(await readCounter(key, limit.windowSeconds), limit);
  return { ...state, exceeded: state.remaining === 0 };
}

export const resetLimit = deleteCounter;

export function retryAfterSeconds(state: LimitState): number {
  return Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000));
}

/** Request budgets per API group and client (account or IP), scaled by RATE_LIMIT_MULTIPLIER. */
export const apiLimits = {
  default: { max: 600, windowSeconds: 60 },
  auth: { max: 30, windowSeconds: 60 },
} satisfies Record<string, Limit>;

export type ApiLimitGroup = keyof typeof apiLimits;

export function scaledApiLimit(group: ApiLimitGroup): Limit {
  const limit = apiLimits[group];
  return { ...limit, max: Math.max(1, Math.round(limit.max * env.RATE_LIMIT_MULTIPLIER)) };
}
