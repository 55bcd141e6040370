// Steady load through nginx while one app instance is killed with SIGKILL: which requests fail, and when.
import type { ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";

export type LoadRequest = { method: string; path: string; headers?: Record<string, string>; body?: string };

export type Outcome = {
  request: LoadRequest;
  started: number;
  finished: number;
  /** HTTP status, or 0 when the connection failed. */
  status: number;
  /** The instance nginx says answered (the last of X-Upstream's addresses). */
  upstream?: string;
  /** Why there was no answer. */
  error?: string;
};

/** `killedAt`: when SIGKILL was sent; `exitedAt`: when this process saw the victim's exit (its sockets closed in between). */
export type KillReport = { outcomes: Outcome[]; killedAt: number; exitedAt: number; inFlightAtKill: number };

/** nginx's own answer when no instance could (or the one it used died mid-request), or no answer at all. */
export const failed = (outcome: Outcome) => outcome.status === 0 || outcome.status === 502 || outcome.status === 503 || outcome.status === 504;

async function send(baseUrl: string, request: LoadRequest, started: number): Promise<Outcome> {
  try {
    const response = await fetch(baseUrl + request.path, { method: request.method, headers: request.headers, body: request.body });
    await response.arrayBuffer();
    const upstream = response.headers.get("x-upstream")?.split(",").pop()?.trim();
    return { request, started, finished: performance.now(), status: response.status, upstream };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    return { request, started, finished: performance.now(), status: 0, error: `${(error as Error).message}${cause ? `: ${cause.message}` : ""}` };
  }
}

/**
 * `loops` clients send back to back for `beforeMs`, then `victim` is killed with SIGKILL and they go on for
 * `afterMs`. `next(loop, i)` picks each client's i-th request.
 */
export async function killUnderLoad(options: {
  baseUrl: string;
  loops: number;
  next: (loop: number, i: number) => LoadRequest;
  victim: ChildProcess;
  beforeMs: number;
  afterMs: number;
}): Promise<KillReport> {
  const outcomes: Outcome[] = [];
  const inFlight = new Set<number>();
  let id = 0;
  const exited = new Promise<number>((resolve) => options.victim.once("exit", () => resolve(performance.now())));
  const start = performance.now();
  let killedAt = Infinity;
  let inFlightAtKill = 0;
  // Bounded even if the victim never dies.
  let end = start + options.beforeMs + 30_000;
  void exited.then((at) => (end = at + options.afterMs));
  const timer = setTimeout(() => {
    inFlightAtKill = inFlight.size;
    killedAt = performance.now();
    options.victim.kill("SIGKILL");
  }, options.beforeMs);
  await Promise.all(
    Array.from({ length: options.loops }, async (_, loop) => {
      for (let i = 0; performance.now() < end; i++) {
        const mine = id++;
        inFlight.add(mine);
        outcomes.push(await send(options.baseUrl, options.next(loop, i), performance.now()));
        inFlight.delete(mine);
      }
    }),
  );
  clearTimeout(timer);
  return { outcomes, killedAt, exitedAt: await exited, inFlightAtKill };
}
