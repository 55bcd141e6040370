import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";

const tag = "Admin: live TV";
const channelId = z.object({ channel_id: z.guid() });

const logoUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(https?:\/\/|\/)/, "an http(s) URL or a path on this site")
  .nullable()
  .describe("An image shown in the guide: an http(s) URL or a path on this site.");

const sourceUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(rtmps?|srt|udp|rtsp|https?):\/\/[^\s]+$/, "an rtmp(s)://, srt://, udp://, rtsp:// or http(s):// URL")
  .nullable()
  .describe("Live channels: a live feed to pull instead of listening for a push (null: listen for an RTMP push).");

const maturityRating = z
  .enum(MATURITY_RATINGS)
  .nullable()
  .describe("The channel's rating, on the titles' scale: profiles rated below it neither see nor play it. Null: unrated (a live channel then counts as NC-17; a linear one is judged by its titles).");

const channelFields = {
  number: z.number().int().min(1).max(9999).describe("The channel's number in the guide, unique."),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(["linear", "live"]).describe("linear: plays its schedule of catalog titles in a loop; live: an ingested feed."),
  logo_url: logoUrl,
  rtmp_port: z
    .number()
    .int()
    .min(1024)
    .max(65535)
    .describe("Live channels: the port its ingest listens on for the RTMP push, one per channel (default: the lowest free port of LIVE_RTMP_PORTS)."),
  source_url: sourceUrl,
  maturity_rating: maturityRating,
};

const ingest = z
  .object({
    rtmp_server: z.string().nullable().describe("What an encoder pushes to (OBS: Server), rtmp://<host>:<port>/live."),
    stream_key: z.string().nullable().describe("The secret the encoder pushes with (OBS: Stream Key). Rotate it with POST …/stream-key."),
    rtmp_url: z.string().nullable().describe("rtmp_server and stream_key in one URL (ffmpeg's output), null when the channel pulls source_url."),
    rtmp_port: z.number().int().nullable(),
    source_url: z.string().nullable(),
    status: z.object({
      state: z.enum(["on_air", "off_air"]),
      since: z.iso.datetime({ offset: true }).nullable().describe("When the state last changed."),
      width: z.number().int().nullable().describe("The input's video size (on air)."),
      height: z.number().int().nullable(),
      fps: z.number().nullable().describe("Frames per second received, measured (on air)."),
      bitrate_kbps: z.number().int().nullable().describe("The input's bitrate over the last seconds (on air)."),
      video_codec: z.string().nullable(),
      audio_codec: z.string().nullable(),
      renditions: z.array(z.string()).describe("The live ladder's rungs (on air), e.g. 360p, 720p."),
      running: z.boolean().describe("A worker holds the channel's ingest (it listens or pulls)."),
      last_error: z.string().nullable().describe("Why the last feed ended or could not start, e.g. a refused stream key."),
      refused_pushes: z.number().int().describe("Pushes refused so far: a wrong stream key, or an address throttled after too many wrong ones."),
      last_refused_at: z.iso.datetime({ offset: true }).nullable().describe("When the last push was refused."),
      last_refused_address: z.string().nullable().describe("The address the last refused push came from."),
    }),
  })
  .nullable()
  .describe("Live channels: where to push and how the ingest goes; null for linear channels.");

const adminChannel = z.object({
  id: z.guid(),
  number: z.number().int(),
  name: z.string(),
  kind: z.enum(["linear", "live"]),
  logo_url: z.string().nullable(),
  maturity_rating: z.enum(MATURITY_RATINGS).nullable().describe("The rating an admin gave the channel; null: unrated."),
  schedule_starts_at: z.iso.datetime({ offset: true }).describe("When the schedule's loop began (saving a schedule restarts it)."),
  schedule: z.array(
    z.object({
      type: z.enum(["movie", "episode"]),
      id: z.guid().describe("The movie's or the episode's id."),
      title_id: z.guid(),
      title: z.string(),
      duration_seconds: z.number().nullable(),
      playable: z.boolean().describe("Published with its video ready: it airs. Others are skipped until they are."),
    }),
  ),
  ingest,
});

const errors = ["forbidden", "validation_failed"] as const;

export const listAdminChannelsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/channels",
  summary: "Every channel with its schedule",
  tag,
  auth: "admin",
  response: z.object({ items: z.array(adminChannel), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
  errors: ["forbidden"],
});

export const createChannelEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/channels",
  summary: "Create a channel",
  tag,
  auth: "admin",
  status: 201,
  body: z.strictObject({
    ...channelFields,
    kind: channelFields.kind.optional(),
    logo_url: logoUrl.optional(),
    rtmp_port: channelFields.rtmp_port.optional(),
    source_url: sourceUrl.optional(),
    maturity_rating: maturityRating.optional(),
  }),
  response: adminChannel,
  errors: [...errors, "channel_number_taken", "rtmp_port_taken", "no_rtmp_port_free"],
});

export const updateChannelEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/channels/{channel_id}",
  summary: "Change a channel's number, name, kind, logo, rating or ingest (port, source)",
  description: "A live channel whose port or source changes restarts its ingest within seconds (a running feed is cut).",
  tag,
  auth: "admin",
  params: channelId,
  body: z.strictObject(channelFields).partial(),
  response: adminChannel,
  errors: [...errors, "channel_not_found", "channel_number_taken", "rtmp_port_taken", "no_rtmp_port_free"],
});

export const deleteChannelEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/channels/{channel_id}",
  summary: "Delete a channel (its streams end)",
  tag,
  auth: "admin",
  params: channelId,
  response: z.object({}),
  errors: [...errors, "channel_not_found"],
});

export const setChannelScheduleEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/channels/{channel_id}/schedule",
  summary: "Replace a channel's schedule",
  description:
    "The movies and episodes the channel plays, in order, in a loop that starts again now. Items whose title is " +
    "unpublished or whose video is not ready yet are skipped until they are.",
  tag,
  auth: "admin",
  params: channelId,
  body: z.strictObject({
    items: z.array(z.strictObject({ type: z.enum(["movie", "episode"]), id: z.guid().describe("The movie's or the episode's id.") })).max(500),
  }),
  response: adminChannel,
  errors: [...errors, "channel_not_found"],
});

export const rotateStreamKeyEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/channels/{channel_id}/stream-key",
  summary: "Give a live channel a new stream key",
  description: "The old key stops working at once: an encoder pushing with it is cut off within seconds and must use the new one.",
  tag,
  auth: "admin",
  params: channelId,
  response: adminChannel,
  errors: [...errors, "channel_not_found", "not_a_live_channel", "no_rtmp_port_free"],
});

export const channelEventsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/channels/events",
  summary: "Every channel with its ingest status, live (server-sent events)",
  description:
    "A `text/event-stream`: a `channels` event whose data is the same list as GET /api/admin/channels, sent at once and " +
    "again whenever a live channel's ingest changes on any worker (on air, off air, its input's size, bitrate and frame " +
    "rate every few seconds); comment lines as heartbeats. The server ends the stream after a few minutes; EventSource " +
    "reconnects by itself.",
  tag,
  auth: "admin",
  response: z.object({ items: z.array(adminChannel), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
  contentType: "text/event-stream",
  errors: ["forbidden"],
});
