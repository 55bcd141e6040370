import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { pagination, viewer } from "@/lib/api/query-schemas";
import { profileField, streamErrors, streamResponse } from "../streams/schema";

const tag = "Live TV";
const channelId = z.object({ channel_id: z.guid() });
const isoTime = z.iso.datetime({ offset: true });

export const programme = z.object({
  title: z.string().describe("The movie, or the show with its season, episode and episode title."),
  type: z.enum(["movie", "episode"]),
  title_id: z.guid().describe("The movie, or the episode's show."),
  episode_id: z.guid().nullable(),
  starts_at: isoTime,
  ends_at: isoTime,
});

export const channel = z.object({
  type: z.literal("channel"),
  id: z.guid(),
  number: z.number().int(),
  name: z.string(),
  kind: z.enum(["linear", "live"]),
  logo_url: z.string().nullable(),
  maturity_rating: z
    .string()
    .nullable()
    .describe("The channel's own rating: the one an admin gave it; a live channel without one counts as NC-17. Null: a linear channel judged by its titles alone."),
  on_air: z.boolean().describe("Whether anything on the channel can be watched now."),
  now: programme.nullable(),
  next: programme.nullable(),
});

const catalogErrors = ["validation_failed", "forbidden", "profile_not_found"] as const;

export const listChannelsEndpoint = endpoint({
  method: "GET",
  path: "/api/channels",
  summary: "The channel guide: every channel with what is on now and next",
  description: "With `?profile=` (and a bearer token), only channels rated at or below that profile whose every programme it may watch.",
  tag,
  auth: "none",
  profile: "optional",
  query: z.object({ ...viewer, ...pagination }),
  response: z.object({ items: z.array(channel), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
  errors: catalogErrors,
});

export const getChannelEndpoint = endpoint({
  method: "GET",
  path: "/api/channels/{channel_id}",
  summary: "One channel, with what is on now and next",
  tag,
  auth: "none",
  profile: "optional",
  params: channelId,
  query: z.object(viewer),
  response: channel,
  errors: [...catalogErrors, "channel_not_found"],
});

export const channelScheduleEndpoint = endpoint({
  method: "GET",
  path: "/api/channels/{channel_id}/schedule",
  summary: "A channel's programmes over a time range",
  description: "Programmes airing between `from` (default now) and `to` (default 6 hours after `from`; at most 7 days), in order.",
  tag,
  auth: "none",
  profile: "optional",
  params: channelId,
  query: z.object({
    from: isoTime.optional().describe("ISO 8601 date-time with offset; default now."),
    to: isoTime.optional().describe("ISO 8601 date-time with offset; default 6 hours after from."),
    ...viewer,
    limit: z.coerce.number().int().min(1).max(1000).default(200).describe("Page size, 1–1000 (default 200)."),
    offset: pagination.offset,
  }),
  response: z.object({
    channel_id: z.guid(),
    from: isoTime,
    to: isoTime,
    items: z.array(programme),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  }),
  errors: [...catalogErrors, "channel_not_found"],
});

export const channelStreamEndpoint = endpoint({
  method: "GET",
  path: "/api/channels/{channel_id}/stream",
  summary: "Start watching a channel live",
  description:
    "As a title's stream start (same checks and codes): an active plan (402 subscription_required), the profile's " +
    "rating against the channel's own and every title's on it (403 maturity_restricted), blocked genres (403 genre_blocked), kids' " +
    "daily limit, and the plan's concurrent streams (409). `manifest_url` is a live HLS master capped by the plan; its " +
    "media playlists slide in real time (#EXT-X-MEDIA-SEQUENCE, #EXT-X-PROGRAM-DATE-TIME, a discontinuity between " +
    "programmes, no #EXT-X-ENDLIST). The player's playlist refreshes keep the stream's lease alive; no progress is kept. " +
    "409 media_not_ready while nothing on the channel can be played.",
  tag,
  auth: "required",
  profile: "required",
  params: channelId,
  body: z.object(profileField),
  response: streamResponse.extend({
    live: z.literal(true),
    channel: channel.describe("The channel, with what is on now and next."),
  }),
  errors: [...streamErrors, "channel_not_found"],
});

export const channelStreamPostEndpoint = endpoint({
  ...channelStreamEndpoint,
  method: "POST",
  query: z.strictObject({}),
  body: z.strictObject(profileField),
});
