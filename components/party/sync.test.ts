import { describe, expect, it } from "vitest";
import { correctionFor, expectedPosition, ServerClock } from "./sync";

describe("the server clock estimate", () => {
  it("keeps the sample with the lowest round trip, whose midpoint gives the offset", () => {
    const clock = new ServerClock();
    expect(clock.now(1_000)).toBe(1_000);
    // The server is 5 s ahead. Slow samples are skewed by asymmetric delay; the fast one is nearly exact.
    clock.add(0, 5_000 + 400, 500); // rtt 500, the answer came back quickly: offset 5150
    clock.add(1_000, 6_000 + 20, 1_040); // rtt 40: offset 5000
    clock.add(2_000, 7_000 + 10, 2_300); // rtt 300: offset 4860
    expect(clock.best()).toEqual({ offsetMs: 5_000, rttMs: 40 });
    expect(clock.now(10_000)).toBe(15_000);
  });

  it("forgets old samples, so a better route later wins and a stale one ages out", () => {
    const clock = new ServerClock();
    clock.add(0, 100, 10); // rtt 10
    for (let n = 1; n <= 8; n++) clock.add(n * 1000, n * 1000 + 200 + 25, n * 1000 + 50); // rtt 50, offset 200
    expect(clock.sampleCount).toBe(8);
    expect(clock.best()).toEqual({ offsetMs: 200, rttMs: 50 });
  });
});

describe("the expected position", () => {
  const updated = "2026-01-01T00:00:00.000Z";
  const at = (ms: number) => Date.parse(updated) + ms;
  it("moves on with the server clock at the rate while playing, and stands still while paused", () => {
    expect(expectedPosition({ playing: true, position: 10, updated_at: updated, rate: 1 }, at(2_500))).toBe(12.5);
    expect(expectedPosition({ playing: true, position: 10, updated_at: updated, rate: 1.5 }, at(2_000))).toBe(13);
    expect(expectedPosition({ playing: false, position: 10, updated_at: updated, rate: 1 }, at(60_000))).toBe(10);
    // A client whose estimate puts "now" before updated_at does not go backwards.
    expect(expectedPosition({ playing: true, position: 10, updated_at: updated, rate: 1 }, at(-300))).toBe(10);
  });
});

describe("drift correction", () => {
  it("leaves tiny errors, nudges the rate by 5–10% under a second, and seeks beyond", () => {
    expect(correctionFor(0.02, 50)).toEqual({ kind: "none" });
    expect(correctionFor(-0.02, 50)).toEqual({ kind: "none" });
    expect(correctionFor(0.06, 50)).toEqual({ kind: "rate", rate: 0.95 });
    expect(correctionFor(-0.06, 50)).toEqual({ kind: "rate", rate: 1.05 });
    expect(correctionFor(0.9, 50)).toEqual({ kind: "rate", rate: 0.9 });
    const medium = correctionFor(-0.16, 50);
    expect(medium.kind === "rate" && medium.rate).toBeCloseTo(1.08);
    expect(correctionFor(1.5, 50)).toEqual({ kind: "seek", to: 50 });
    expect(correctionFor(-3, 50)).toEqual({ kind: "seek", to: 50 });
  });
});
