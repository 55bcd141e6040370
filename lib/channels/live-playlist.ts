// A linear channel's live HLS, computed: the schedule loops from its start, so the clock alone says which programme
// and which of its (already transcoded) VOD segments are on air. Any instance asked at the same moment renders the
// same playlist. Pure: no I/O, times in integer milliseconds so sequence numbers are exact.

/** One programme of the loop: its segments' durations (ms) and, per channel rendition, their URIs (same count). */
export type LiveProgramme = {
  title: string;
  durationsMs: number[];
  uris: Record<string, string[]>;
};

export type LiveSchedule = { startsAtMs: number; programmes: LiveProgramme[] };

/** How many segments a live playlist lists: the window a viewer may pause or rewind in (about a minute of 6 s segments). */
export const LIVE_WINDOW_SEGMENTS = 10;

/** A segment of the endless timeline: `sequence` counts segments since the schedule started, `programme` programmes. */
export type TimelineSegment = {
  sequence: number;
  programme: number;
  indexInProgramme: number;
  programmeIndex: number;
  startsAtMs: number;
  durationMs: number;
};

/** The loop's shape, computed once per schedule: segment start offsets and programme boundaries within one loop. */
export class LoopTimeline {
  readonly loopMs: number;
  readonly segmentsPerLoop: number;
  private readonly starts: number[] = []; // offset of each segment in the loop
  private readonly owner: Array<[programme: number, index: number]> = [];

  constructor(readonly schedule: LiveSchedule) {
    let offset = 0;
    schedule.programmes.forEach((programme, p) =>
      programme.durationsMs.forEach((duration, i) => {
        this.starts.push(offset);
        this.owner.push([p, i]);
        offset += duration;
      }),
    );
    this.loopMs = offset;
    this.segmentsPerLoop = this.starts.length;
  }

  /** The segment with this sequence number. */
  segment(sequence: number): TimelineSegment {
    const loop = Math.floor(sequence / this.segmentsPerLoop);
    const inLoop = sequence - loop * this.segmentsPerLoop;
    const [programmeIndex, indexInProgramme] = this.owner[inLoop];
    return {
      sequence,
      programme: loop * this.schedule.programmes.length + programmeIndex,
      programmeIndex,
      indexInProgramme,
      startsAtMs: this.schedule.startsAtMs + loop * this.loopMs + this.starts[inLoop],
      durationMs: this.schedule.programmes[programmeIndex].durationsMs[indexInProgramme],
    };
  }

  /** The sequence number of the segment on air at `nowMs` (0 before the schedule starts). */
  sequenceAt(nowMs: number): number {
    const elapsed = Math.max(0, nowMs - this.schedule.startsAtMs);
    const loop = Math.floor(elapsed / this.loopMs);
    const inLoop = elapsed - loop * this.loopMs;
    let low = 0;
    let high = this.segmentsPerLoop - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.starts[mid] <= inLoop) low = mid;
      else high = mid - 1;
    }
    return loop * this.segmentsPerLoop + low;
  }

  /** The longest segment, rounded up to whole seconds (#EXT-X-TARGETDURATION, the same on every refresh). */
  targetDurationSeconds(): number {
    return Math.max(1, ...this.schedule.programmes.flatMap((p) => p.durationsMs.map((ms) => Math.ceil(ms / 1000))));
  }
}

/** Whether a schedule can be played: at least one programme, each with segments and every rendition's URIs. */
export function isPlayable(schedule: LiveSchedule, rendition: string): boolean {
  return (
    schedule.programmes.length > 0 &&
    schedule.programmes.every((p) => p.durationsMs.length > 0 && p.durationsMs.every((d) => d > 0) && p.uris[rendition]?.length === p.durationsMs.length)
  );
}

/**
 * The media playlist of `rendition` at `nowMs`: the `window` segments up to the one on air, with
 * #EXT-X-MEDIA-SEQUENCE counting segments since the schedule started, #EXT-X-DISCONTINUITY before the first segment
 * of each programme (and #EXT-X-DISCONTINUITY-SEQUENCE counting those that left the window), #EXT-X-PROGRAM-DATE-TIME
 * on the first segment and at each boundary, and no #EXT-X-ENDLIST. `sign` turns a URI into the URL to write.
 */
export function renderLivePlaylist(
  timeline: LoopTimeline,
  rendition: string,
  nowMs: number,
  sign: (uri: string) => string = (uri) => uri,
  window = LIVE_WINDOW_SEGMENTS,
): string {
  const last = timeline.sequenceAt(nowMs);
  const first = Math.max(0, last - window + 1);
  const lines = [
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    `#EXT-X-TARGETDURATION:${timeline.targetDurationSeconds()}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${timeline.segment(first).programme}`,
    "#EXT-X-INDEPENDENT-SEGMENTS",
  ];
  for (let sequence = first; sequence <= last; sequence++) {
    const segment = timeline.segment(sequence);
    const boundary = segment.indexInProgramme === 0;
    if (boundary && sequence !== first) lines.push("#EXT-X-DISCONTINUITY");
    if (boundary || sequence === first) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.startsAtMs).toISOString()}`);
    const programme = timeline.schedule.programmes[segment.programmeIndex];
    lines.push(`#EXTINF:${(segment.durationMs / 1000).toFixed(3)},`, sign(programme.uris[rendition][segment.indexInProgramme]));
  }
  return `${lines.join("\n")}\n`;
}

/** The programmes airing from `fromMs` to `toMs`, as the guide shows them (at most `limit`). */
export function programmesBetween(timeline: LoopTimeline, fromMs: number, toMs: number, limit = 500) {
  const { schedule, loopMs } = timeline;
  const lengths = schedule.programmes.map((p) => p.durationsMs.reduce((sum, d) => sum + d, 0));
  const result: Array<{ index: number; title: string; startsAtMs: number; endsAtMs: number }> = [];
  if (loopMs <= 0) return result;
  const from = Math.max(fromMs, schedule.startsAtMs);
  let loop = Math.floor((from - schedule.startsAtMs) / loopMs);
  for (; result.length < limit; loop++) {
    let start = schedule.startsAtMs + loop * loopMs;
    if (start >= toMs) break;
    for (const [index, programme] of schedule.programmes.entries()) {
      const end = start + lengths[index];
      if (end > from && start < toMs && result.length < limit) result.push({ index, title: programme.title, startsAtMs: start, endsAtMs: end });
      start = end;
    }
  }
  return result;
}
