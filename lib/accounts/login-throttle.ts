import "server-only";
import { ApiError } from "@/lib/api/errors";
import { consume, isExhausted, resetLimit, retryAfterSeconds, type Limit } from "@/lib/rate-limit";

// Failed sign-ins are counted per (username, IP), per username and per IP, in 15-minute windows. The pair limit is
// strict; the username-wide one is loose, so an attacker elsewhere can only delay a real user for one window, never
// lock them out for good; a successful sign-in clears the pair's counter.
const WINDOW = 15 * 60;
const limits = {
  pair: { max: 10, windowSeconds: WINDOW },
  username: { max: 100, windowSeconds: WINDOW },
  ip: { max: 100, windowSeconds: WINDOW },
} satisfies Record<string, Limit>;

function keysFor(username: string, ip: string) {
  const name = username.toLowerCase();
  return { pair: `login:pair:${name}:${ip}`, username: `login:user:${name}`, ip: `login:ip:${ip}` };
}

export async function assertLoginAllowed(username: string, ip: string): Promise<void> {
  const keys = keysFor(username, ip);
  for (const scope of ["pair", "username", "ip"] as const) {
    const state = await isExhausted(keys[scope], limits[scope]);
    if (state.exceeded) {
      const retryAfter = retryAfterSeconds(state);
      throw new ApiError("rate_limited", `Too many failed sign-in attempts. Try again in ${retryAfter} seconds.`, undefined, {
        "Retry-After": String(retryAfter),
      });
    }
  }
}

export async function recordLoginFailure(username: string, ip: string): Promise<void> {
  const keys = keysFor(username, ip);
  await Promise.all((["pair", "username", "ip"] as const).map((scope) => consume(keys[scope], limits[scope])));
}

export async function recordLoginSuccess(username: string, ip: string): Promise<void> {
  await resetLimit(keysFor(username, ip).pair);
}

/** After a password reset: the failures were guesses at the old password, so the owner may sign in at once. */
export async function clearLoginFailures(username: string, ip: string): Promise<void> {
  const keys = keysFor(username, ip);
  await Promise.all([resetLimit(keys.pair), resetLimit(keys.username)]);
}
