import { z } from "zod";
import { profileName } from "@/lib/profiles/profile-name";

// What the player reports (POST /api/analytics/events), one strict shape per event type.

export const MAX_EVENTS_PER_BATCH = 500;

const seconds = z.number().min(0).max(172_800);
const ms = z.number().int().min(0).max(3_600_000);
const bitrate = z.number().int().min(1).max(500_000_000).describe("Bits per second.");
const rendition = z.string().regex(/^[a-z0-9_-]{1,32}$/i, "A rendition is a short name such as 720p.");
const at = { position_seconds: seconds };

const dataByType = {
  play: z.strictObject(at),
  pause: z.strictObject(at),
  ended: z.strictObject(at),
  seek: z.strictObject({ from_seconds: seconds, to_seconds: seconds }),
  startup: z.strictObject({ startup_ms: ms.describe("From pressing play (or the page opening) to the first frame."), rendition: rendition.optional(), bitrate: bitrate.optional() }),
  quality_change: z.strictObject({ rendition, bitrate, from_rendition: rendition.nullable().optional(), from_bitrate: bitrate.nullable().optional(), ...at }),
  rebuffer_start: z.strictObject(at),
  rebuffer_end: z.strictObject({ ...at, duration_ms: ms, rendition: rendition.optional() }),
  error: z.strictObject({ code: z.string().min(1).max(64), message: z.string().max(500).optional(), fatal: z.boolean(), rendition: rendition.optional(), position_seconds: seconds.optional() }),
  heartbeat: z.strictObject({ ...at, played_ms: ms.describe("Time spent playing since the previous heartbeat."), rendition: rendition.optional(), bitrate: bitrate.optional() }),
};

export type PlaybackEventType = keyof typeof dataByType;
export const PLAYBACK_EVENT_TYPES = Object.keys(dataByType) as PlaybackEventType[];

const common = {
  occurred_at: z.iso.datetime({ offset: true }).describe("When it happened on the client (ISO 8601)."),
  profile: profileName.optional().describe("The profile watching (implied by stream_id)."),
  item: z.guid().optional().describe("The movie's or the episode's id (implied by stream_id)."),
  stream_id: z.guid().optional().describe("The stream (from the stream endpoint) the event belongs to."),
};

const variant = <T extends PlaybackEventType>(type: T) => z.strictObject({ type: z.literal(type), ...common, data: dataByType[type] });

export const playbackEvent = z.discriminatedUnion("type", [
  variant("play"),
  variant("pause"),
  variant("ended"),
  variant("seek"),
  variant("startup"),
  variant("quality_change"),
  variant("rebuffer_start"),
  variant("rebuffer_end"),
  variant("error"),
  variant("heartbeat"),
]);

export type PlaybackEvent = z.output<typeof playbackEvent>;

export const eventBatch = z.strictObject({ events: z.array(playbackEvent).min(1).max(MAX_EVENTS_PER_BATCH) });
