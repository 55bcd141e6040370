// Client-side sync for watch parties, kept free of React and the DOM so it can be tested on its own.
//
// The server's state says where the party was at `updated_at` on the server's clock. A member needs the server's
// clock now: it asks for it a few times (NTP-style: offset = server time − the midpoint of the round trip) and
// trusts the sample with the shortest round trip, whose error is at most half that round trip. The player then
// steers toward the computed position: small errors by nudging the playback rate (never audibly: ±5–10%), large
// ones by seeking.

export type PartyState = { playing: boolean; position: number; updated_at: string; rate: number; waiting_for_members?: boolean };

export type ClockSample = { offsetMs: number; rttMs: number };

/** Samples kept: old ones age out, so a clock that drifts (or a better route) is picked up. */
const KEPT_SAMPLES = 8;

export class ServerClock {
  private samples: ClockSample[] = [];

  /** One round trip: sent at `sentMs`, the server said `serverMs`, the answer arrived at `receivedMs` (local clock). */
  add(sentMs: number, serverMs: number, receivedMs: number): void {
    const rttMs = Math.max(0, receivedMs - sentMs);
    this.samples.push({ offsetMs: serverMs - (sentMs + rttMs / 2), rttMs });
    if (this.samples.length > KEPT_SAMPLES) this.samples.shift();
  }

  /** The lowest-round-trip sample, or undefined before the first. */
  best(): ClockSample | undefined {
    return this.samples.reduce<ClockSample | undefined>((best, sample) => (!best || sample.rttMs < best.rttMs ? sample : best), undefined);
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  /** The server's clock now, by the local one. */
  now(localMs = Date.now()): number {
    return localMs + (this.best()?.offsetMs ?? 0);
  }
}

/** Where the party is at server time `serverNowMs`, in seconds. */
export function expectedPosition(state: PartyState, serverNowMs: number): number {
  if (!state.playing) return state.position;
  return state.position + (Math.max(0, serverNowMs - Date.parse(state.updated_at)) / 1000) * state.rate;
}

/** Errors under this are left alone (a frame or two). */
export const IN_SYNC_SECONDS = 0.04;
/** Errors above this are seeked away; below, the rate is nudged. */
export const SEEK_ABOVE_SECONDS = 1;
const MIN_NUDGE = 0.05;
const MAX_NUDGE = 0.1;

export type Correction = { kind: "none" } | { kind: "rate"; rate: number } | { kind: "seek"; to: number };

/**
 * What to do about `error` seconds (local position − expected; positive is ahead) while the party plays at `rate`:
 * nothing, a rate nudge of 5–10% that closes it in about a second or two, or a seek.
 */
export function correctionFor(error: number, expected: number, rate = 1): Correction {
  const size = Math.abs(error);
  if (size < IN_SYNC_SECONDS) return { kind: "none" };
  if (size > SEEK_ABOVE_SECONDS) return { kind: "seek", to: expected };
  const nudge = Math.min(MAX_NUDGE, Math.max(MIN_NUDGE, size / 2));
  return { kind: "rate", rate: rate * (error > 0 ? 1 - nudge : 1 + nudge) };
}
