import { describe, expect, it } from "vitest";
import { LoopTimeline, programmesBetween, renderLivePlaylist, type LiveSchedule } from "./live-playlist";

// A loop of two programmes: A (6 + 6 + 3 s) and B (6 + 4 s), 25 s in all, started at T0.
const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);
const uris = (name: string, count: number) => ({
  "360p": Array.from({ length: count }, (_, i) => `/media/${name}/360p/seg-${i}.ts`),
  "720p": Array.from({ length: count }, (_, i) => `/media/${name}/720p/seg-${i}.ts`),
});
const schedule: LiveSchedule = {
  startsAtMs: T0,
  programmes: [
    { title: "A", durationsMs: [6000, 6000, 3000], uris: uris("a", 3) },
    { title: "B", durationsMs: [6000, 4000], uris: uris("b", 2) },
  ],
};
const timeline = new LoopTimeline(schedule);
const iso = (ms: number) => new Date(ms).toISOString();
const header = (sequence: number, discontinuity: number) => [
  "#EXTM3U",
  "#EXT-X-VERSION:3",
  "#EXT-X-TARGETDURATION:6",
  `#EXT-X-MEDIA-SEQUENCE:${sequence}`,
  `#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuity}`,
  "#EXT-X-INDEPENDENT-SEGMENTS",
];
const lines = (text: string) => text.trimEnd().split("\n");

describe("a linear channel's live playlist from a fixed clock", () => {
  it("at the start lists the first segment only, with its date-time and no end", () => {
    expect(lines(renderLivePlaylist(timeline, "360p", T0))).toEqual([
      ...header(0, 0),
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0)}`,
      "#EXTINF:6.000,",
      "/media/a/360p/seg-0.ts",
    ]);
  });

  it("puts a discontinuity and a date-time at the programme boundary", () => {
    expect(lines(renderLivePlaylist(timeline, "720p", T0 + 16_000))).toEqual([
      ...header(0, 0),
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0)}`,
      "#EXTINF:6.000,",
      "/media/a/720p/seg-0.ts",
      "#EXTINF:6.000,",
      "/media/a/720p/seg-1.ts",
      "#EXTINF:3.000,",
      "/media/a/720p/seg-2.ts",
      "#EXT-X-DISCONTINUITY",
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 15_000)}`,
      "#EXTINF:6.000,",
      "/media/b/720p/seg-0.ts",
    ]);
  });

  it("slides the window: the media sequence advances with the clock, and boundaries that left it are counted", () => {
    // Loop 2 (from T0 + 50 s), 22 s in: B's second segment is on air, sequence 2 × 5 + 4.
    const text = renderLivePlaylist(timeline, "360p", T0 + 72_000, (uri) => `${uri}?signed`, 3);
    expect(lines(text)).toEqual([
      ...header(12, 4),
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 62_000)}`,
      "#EXTINF:3.000,",
      "/media/a/360p/seg-2.ts?signed",
      "#EXT-X-DISCONTINUITY",
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 65_000)}`,
      "#EXTINF:6.000,",
      "/media/b/360p/seg-0.ts?signed",
      "#EXTINF:4.000,",
      "/media/b/360p/seg-1.ts?signed",
    ]);
    expect(text).not.toContain("#EXT-X-ENDLIST");
  });

  it("is a discontinuity where the loop starts again", () => {
    expect(lines(renderLivePlaylist(timeline, "360p", T0 + 26_000, undefined, 3))).toEqual([
      ...header(3, 1),
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 15_000)}`,
      "#EXTINF:6.000,",
      "/media/b/360p/seg-0.ts",
      "#EXTINF:4.000,",
      "/media/b/360p/seg-1.ts",
      "#EXT-X-DISCONTINUITY",
      `#EXT-X-PROGRAM-DATE-TIME:${iso(T0 + 25_000)}`,
      "#EXTINF:6.000,",
      "/media/a/360p/seg-0.ts",
    ]);
  });

  it("changes exactly when a segment starts, and two timelines of one schedule agree", () => {
    const other = new LoopTimeline(structuredClone(schedule));
    for (const at of [T0 + 5_999, T0 + 6_000, T0 + 1_000_000_007]) {
      expect(renderLivePlaylist(other, "720p", at)).toBe(renderLivePlaylist(timeline, "720p", at));
    }
    expect(timeline.sequenceAt(T0 + 5_999)).toBe(0);
    expect(timeline.sequenceAt(T0 + 6_000)).toBe(1);
    expect(timeline.sequenceAt(T0 + 1_000_000_007)).toBe(40_000 * 5); // 1,000,000 s = 40,000 loops, 7 ms in
    expect(timeline.sequenceAt(T0 - 60_000)).toBe(0);
  });
});

describe("the guide's programmes", () => {
  it("lists what airs in a range, across loops", () => {
    expect(programmesBetween(timeline, T0 + 10_000, T0 + 40_000)).toEqual([
      { index: 0, title: "A", startsAtMs: T0, endsAtMs: T0 + 15_000 },
      { index: 1, title: "B", startsAtMs: T0 + 15_000, endsAtMs: T0 + 25_000 },
      { index: 0, title: "A", startsAtMs: T0 + 25_000, endsAtMs: T0 + 40_000 },
    ]);
    expect(programmesBetween(timeline, T0 - 5_000, T0 + 1)).toEqual([{ index: 0, title: "A", startsAtMs: T0, endsAtMs: T0 + 15_000 }]);
  });
});
