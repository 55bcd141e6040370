import "server-only";
import { reserve, resetLimit, type Limit } from "@/lib/rate-limit";
import { recordRefusedPushes } from "./status";

// Wrong stream keys, throttled per address. Every connection to a channel's push port spends one attempt of its
// address's budget as the gate (rtmp-gate.ts) hands it to ffmpeg; a push that goes on air gives the address its
// budget back (as a right password does at sign-in), so only connections that never get on air — wrong keys, scanners
// — add up. An address out of attempts is refused at the gate, before ffmpeg sees it, until its window ends. The
// counters are the app's shared ones (lib/rate-limit.ts), so an address is limited across channels and workers.
// Refusals are counted for the admin (count, last time and address), written at most once a second however many
// arrive.

/** Connections an address may make without getting on air, per window. */
export const PUSH_ATTEMPTS: Limit = { max: 5, windowSeconds: 10 * 60 };
const REPORT_EVERY_MS = 1_000;

const limitKey = (address: string) => `rtmp-push:${address}`;

export type PushGuard = ReturnType<typeof pushGuard>;

export function pushGuard(channelId: string, workerId: string, log: (line: string) => void) {
  // Addresses known to be out of attempts, until their window ends: a flood of them costs no database round trips.
  const blocked = new Map<string, number>();
  let pending: { count: number; at: Date; address: string; why: string } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let writes = Promise.resolve();

  function refused(address: string, why: string) {
    pending = { count: (pending?.count ?? 0) + 1, at: new Date(), address, why };
    timer ??= setTimeout(flush, REPORT_EVERY_MS);
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = undefined;
    if (batch) {
      writes = writes.then(() =>
        recordRefusedPushes(channelId, workerId, batch).then(
          () => undefined,
          (error: Error) => log(`refused pushes not recorded: ${error.message}`),
        ),
      );
    }
    return writes;
  }

  return {
    /** Whether a connection from `address` may reach ffmpeg (the gate's `admit`); spends one of its attempts. */
    async admit(address: string): Promise<boolean> {
      const now = Date.now();
      if ((blocked.get(address) ?? 0) <= now) {
        blocked.delete(address);
        const attempt = await reserve(limitKey(address), PUSH_ATTEMPTS).catch((error: Error) => {
          log(`push attempts not counted: ${error.message}`);
          return undefined;
        });
        // Without the counters the channel still takes its encoder: ffmpeg checks the key either way.
        if (!attempt?.exceeded) return true;
        blocked.set(address, attempt.resetAt.getTime());
        for (const [other, until] of blocked) if (until <= now) blocked.delete(other);
        log(`refusing publishers from ${address} for a while: too many wrong stream keys`);
      }
      refused(address, `Publishers from ${address} are refused for a while: too many wrong stream keys.`);
      return false;
    },
    /** ffmpeg found the publisher's key wrong (its attempt stays spent). */
    wrongKey(address: string | undefined) {
      refused(address ?? "unknown", `A publisher from ${address ?? "an unknown address"} was refused: wrong stream key.`);
    },
    /** The publisher from `address` is on air: its address starts afresh. */
    async onAir(address: string | undefined) {
      if (!address) return;
      blocked.delete(address);
      await resetLimit(limitKey(address)).catch((error: Error) => log(`push attempts not reset: ${error.message}`));
    },
    /** Writes what is still pending. */
    close: flush,
  };
}
