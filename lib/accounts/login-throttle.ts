import "server-only";
import { comparableUsername } from "@/db/queries/accounts";
import { ApiError } from "@/lib/api/errors";
import { release, reserve, resetLimit, retryAfterSeconds, type Limit } from "@/lib/rate-limit";

// Failed sign-ins are counted per (username, IP), per username and per IP, in 15-minute windows. The pair limit is
// strict; the username-wide one is loose, so an attacker elsewhere can only delay a real user for one window, never
// lock them out for good; a successful sign-in clears the pair's counter.
//
// Every attempt takes its slot before the password is checked, in one atomic statement per counter, and a success
// gives it back: concurrent guesses cannot all pass a check made before any of them was counted.
const WINDOW = 15 * 60;
const limits = {
  pair: { max: 10, windowSeconds: WINDOW },
  username: { max: 100, windowSeconds: WINDOW },
  ip: { max: 100, windowSeconds: WINDOW },
} satisfies Record<string, Limit>;

const SCOPES = ["pair", "username", "ip"] as const;
type Keys = Record<(typeof SCOPES)[number], string>;

/** Keyed by the username as the account lookup compares it, so spellings that reach one account share a counter. */
async function keysFor(username: string, ip: string): Promise<Keys> {
  const name = await comparableUsername(username);
  return { pair: `login:pair:${name}:${ip}`, username: `login:user:${name}`, ip: `login:ip:${ip}` };
}

export type LoginAttempt = {
  /** The password was right and the account may sign in: the attempt does not count, and the pair starts over. */
  succeeded: () => Promise<void>;
};

/**
 * Counts a sign-in attempt as failed until it `succeeded()`; 429 `rate_limited` with Retry-After, counting nothing,
 * when any of its counters has no attempt left in this window.
 */
export async function startLoginAttempt(username: string, ip: string): Promise<LoginAttempt> {
  const keys = await keysFor(username, ip);
  const taken: (typeof SCOPES)[number][] = [];
  for (const scope of SCOPES) {
    const state = await reserve(keys[scope], limits[scope]);
    if (state.exceeded) {
      await Promise.all(taken.map((other) => release(keys[other], limits[other])));
      const retryAfter = retryAfterSeconds(state);
      throw new ApiError("rate_limited", `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.`, undefined, {
        "Retry-After": String(retryAfter),
      });
    }
    taken.push(scope);
  }
  return {
    succeeded: async () => {
      await Promise.all([resetLimit(keys.pair), release(keys.username, limits.username), release(keys.ip, limits.ip)]);
    },
  };
}

/** After a password reset: the failures were guesses at the old password, so the owner may sign in at once. */
export async function clearLoginFailures(username: string, ip: string): Promise<void> {
  const keys = await keysFor(username, ip);
  await Promise.all([resetLimit(keys.pair), resetLimit(keys.username)]);
}
