import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";
import { MESSAGE_MAX_CHARS } from "@/lib/parties/limits";
import { profileName } from "@/lib/profiles/profile-name";

const tag = "Watch parties";

const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;
const partyId = z.object({ id: z.guid().describe("The party's id.") });
const codeOrId = z.object({
  id: z
    .string()
    .transform((value) => (CODE.test(value.toUpperCase()) ? value.toUpperCase() : value))
    .pipe(z.union([z.string().regex(CODE), z.guid()]))
    .describe("The party's 6-character code (from the invite link; any letter case) or its id."),
});
/** Which of the caller's profiles acts, when several of the account's profiles are in the party. */
const actingProfile = z.strictObject({
  profile: profileName.optional().describe("The caller's member profile; needed only when several of the account's profiles are in the party."),
});

const member = z.object({
  member_id: z.guid().describe("The member's profile id (names can repeat across accounts)."),
  profile: z.string(),
  avatar: z.string(),
  is_host: z.boolean(),
  buffering: z.boolean().describe("Its player is rebuffering (reported through POST /api/parties/{id}/buffering)."),
  joined_at: z.string(),
});

const state = z.object({
  playing: z.boolean(),
  position: z.number().describe("Seconds into the video at updated_at."),
  updated_at: z.string().describe("Server time, ISO 8601 with milliseconds. Now: position + (playing ? (server_now - updated_at) × rate : 0)."),
  rate: z.number(),
  waiting_for_members: z.boolean().describe("Paused by the server while members rebuffer (the host chose wait_for_everyone)."),
});

const party = z.object({
  id: z.guid(),
  code: z.string().describe("6 characters; join with POST /api/parties/{code}/join."),
  invite_url: z.string().describe("The site page that signs in, picks a profile and joins."),
  title: z.object({
    type: z.enum(["movie", "episode"]),
    id: z.guid().describe("The movie's or the episode's id."),
    tv_show_id: z.guid().nullable(),
    season: z.number().int().nullable(),
    episode: z.number().int().nullable(),
    title: z.string(),
    episode_title: z.string().nullable(),
  }),
  host: member.nullable(),
  members: z.array(member),
  you: z.guid().nullable().describe("The caller's member_id."),
  max_members: z.number().int(),
  wait_for_everyone: z.boolean(),
  state,
  created_at: z.string(),
  ended_at: z.string().nullable(),
  server_time: z.string().describe("When the answer was made, for a first clock-offset estimate."),
});

const withStream = party.extend({
  stream: z
    .object({ stream_id: z.guid(), manifest_url: z.string() })
    .passthrough()
    .describe("The caller's own stream, as from the movie or episode stream endpoint: it counts against the caller's plan."),
});

const memberErrors = ["forbidden", "party_not_found", "party_ended", "validation_failed"] as const;
/** A call by a member about its party. */
const asMember = { tag, auth: "required", profile: "optional", params: partyId, query: actingProfile } as const;
const joinErrors = ["subscription_required", "maturity_restricted", "genre_blocked", "viewing_limit_reached", "stream_limit_reached", "media_not_ready", "profile_not_found"] as const;

export const createPartyEndpoint = endpoint({
  method: "POST",
  path: "/api/parties",
  summary: "Start a watch party",
  description:
    "The caller's profile hosts and is the first member. `type: movie` takes `id`; `type: episode` takes `tv_show_id`, " +
    "`season` and `episode`. The host needs the right to watch (402 subscription_required, 403 maturity_restricted) and " +
    "takes one of its plan's streams (409 stream_limit_reached). The party starts paused at 0.",
  tag,
  auth: "required",
  profile: "required",
  status: 201,
  query: z.strictObject({}),
  body: z
    .strictObject({
      profile: profileName.describe("The profile that hosts."),
      type: z.enum(["movie", "episode"]),
      id: z.guid().optional().describe("The movie (type movie)."),
      tv_show_id: z.guid().optional(),
      season: z.number().int().min(0).max(10_000).optional(),
      episode: z.number().int().min(0).max(10_000).optional(),
      max_members: z.number().int().min(2).max(50).optional().describe("2–50 (default 8)."),
      wait_for_everyone: z.boolean().optional().describe("Pause everyone while a member rebuffers (default false)."),
    })
    .superRefine((body, ctx) => {
      const show = body.tv_show_id !== undefined || body.season !== undefined || body.episode !== undefined;
      if (body.type === "movie" && (body.id === undefined || show)) {
        ctx.addIssue({ code: "custom", path: ["id"], message: "A movie party takes `id` (and no tv_show_id, season or episode)." });
      }
      if (body.type === "episode" && (body.id !== undefined || body.tv_show_id === undefined || body.season === undefined || body.episode === undefined)) {
        ctx.addIssue({ code: "custom", path: ["tv_show_id"], message: "An episode party takes `tv_show_id`, `season` and `episode` (and no id)." });
      }
    }),
  response: withStream,
  errors: [...memberErrors, ...joinErrors, "movie_not_found", "show_not_found", "episode_not_found"],
});

export const partyClockEndpoint = endpoint({
  method: "GET",
  path: "/api/parties/clock",
  summary: "The server's clock, for clock-offset estimation",
  description: "Ask a few times and keep the answer with the shortest round trip (NTP-style); the events stream's `time` events carry the same clock.",
  tag,
  auth: "none",
  query: z.strictObject({}),
  response: z.object({ server_time: z.string(), server_ms: z.number() }),
  errors: ["validation_failed"],
});

export const joinPartyEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/join",
  summary: "Join a watch party by its code",
  description:
    "Joining again (another device, a reload) replaces the member's stream. Refusals: 404 party_not_found, 410 party_ended, " +
    "409 party_full, and the member's own right to watch and streams, as at stream start.",
  tag,
  auth: "required",
  profile: "required",
  params: codeOrId,
  query: z.strictObject({}),
  body: z.strictObject({ profile: profileName.describe("The profile that joins.") }),
  response: withStream,
  errors: [...memberErrors, ...joinErrors, "party_full"],
});

export const getPartyEndpoint = endpoint({
  method: "GET",
  path: "/api/parties/{id}",
  summary: "A party you are in: members, host and the playback state",
  ...asMember,
  response: party,
  errors: memberErrors,
});

export const updatePartyEndpoint = endpoint({
  method: "PATCH",
  path: "/api/parties/{id}",
  summary: "Change the party's options (host only)",
  description: "`wait_for_everyone`: pause the party while any member rebuffers, resuming when all have recovered.",
  ...asMember,
  body: z.strictObject({ wait_for_everyone: z.boolean() }),
  response: party,
  errors: [...memberErrors, "not_party_host"],
});

export const endPartyEndpoint = endpoint({
  method: "DELETE",
  path: "/api/parties/{id}",
  summary: "End the party for everyone (host only)",
  ...asMember,
  response: z.object({}),
  errors: [...memberErrors, "not_party_host"],
});

export const leavePartyEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/leave",
  summary: "Leave a party",
  description: "A leaving host hands over to the longest-present member; the last member out ends the party. The member's stream ends.",
  ...asMember,
  body: z.strictObject({}),
  response: z.object({}),
  errors: memberErrors,
});

export const controlPartyEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/control",
  summary: "Play, pause or seek for everyone (host only)",
  description: "`position` in seconds: required for seek; for play and pause it defaults to where the party is now.",
  ...asMember,
  body: z.strictObject({ action: z.enum(["play", "pause", "seek"]), position: z.number().min(0).max(86_400).optional() }),
  response: z.object({ state, server_time: z.string() }),
  errors: [...memberErrors, "not_party_host"],
});

export const transferHostEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/host",
  summary: "Hand the host role to another member (host only)",
  tag,
  auth: "required",
  params: partyId,
  query: actingProfile,
  body: z.strictObject({ profile: z.string().min(1).max(100).describe("The new host: a member's profile name, or its member_id when names repeat.") }),
  response: party,
  errors: [...memberErrors, "not_party_host", "profile_not_found"],
});

export const bufferingEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/buffering",
  summary: "Report that the member's player is (no longer) rebuffering",
  description: "Under wait_for_everyone the first stall pauses the party, and the last recovery resumes it.",
  ...asMember,
  body: z.strictObject({ buffering: z.boolean() }),
  response: z.object({ state }),
  errors: memberErrors,
});

export const partyEventsEndpoint = endpoint({
  method: "GET",
  path: "/api/parties/{id}/events",
  summary: "The party's events as server-sent events, live",
  description:
    "`text/event-stream` with `state`, `member_joined`, `member_left`, `host_changed`, `options`, `message`, `reaction`, " +
    "`typing` and `ended` events, each with an `id:`. A fresh connection starts with a `state` event (the party as it is " +
    "now); reconnecting with `Last-Event-ID` (or `?last_event_id=`) replays exactly what was missed instead. `time` events (no id) carry the server clock every few seconds. The server ends the stream " +
    "after a few minutes; EventSource reconnects by itself, and membership is checked again.",
  ...asMember,
  query: actingProfile.extend({ last_event_id: z.string().regex(/^\d{1,15}$/).optional() }),
  response: z.object({}).passthrough(),
  contentType: "text/event-stream",
  errors: memberErrors,
});

const message = z.object({
  id: z.number().int(),
  member_id: z.guid(),
  profile: z.string(),
  avatar: z.string(),
  text: z.string(),
  position: z.number().describe("The party's video time when it was sent."),
  created_at: z.string(),
});

export const listMessagesEndpoint = endpoint({
  method: "GET",
  path: "/api/parties/{id}/messages",
  summary: "The party's chat, newest first",
  ...asMember,
  query: actingProfile.extend({ ...pagination, before: z.coerce.number().int().min(1).optional().describe("Only messages older than this id.") }),
  response: listOf(message),
  errors: memberErrors,
});

/** Plain text: trimmed, no control characters but line breaks, 1–MESSAGE_MAX_CHARS characters. */
const messageText = z
  .string()
  .transform((text) => text.trim())
  .pipe(
    z
      .string()
      .min(1, "A message cannot be empty.")
      .refine((text) => [...text].length <= MESSAGE_MAX_CHARS, `A message has at most ${MESSAGE_MAX_CHARS} characters.`)
      .refine((text) => !/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/.test(text), "A message cannot contain control characters."),
  );

export const postMessageEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/messages",
  summary: "Send a chat message",
  description: `Plain text (shown as text, never as HTML), up to ${MESSAGE_MAX_CHARS} characters; 10 per 10 seconds per member (429 rate_limited).`,
  ...asMember,
  status: 201,
  body: z.strictObject({ text: messageText }),
  response: message,
  errors: [...memberErrors, "rate_limited"],
});

const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2})(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*$/u;

export const reactEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/reactions",
  summary: "Send an emoji reaction",
  description: "One emoji; `position` defaults to the party's video time now. 20 per 10 seconds per member (429 rate_limited).",
  ...asMember,
  status: 201,
  body: z.strictObject({
    emoji: z.string().max(32).regex(EMOJI, "One emoji."),
    position: z.number().min(0).max(86_400).optional(),
  }),
  response: z.object({ member_id: z.guid(), profile: z.string(), avatar: z.string(), emoji: z.string(), position: z.number(), sent_at: z.string() }),
  errors: [...memberErrors, "rate_limited"],
});

export const typingEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/typing",
  summary: "Say the member is (no longer) typing",
  ...asMember,
  body: z.strictObject({ typing: z.boolean() }),
  response: z.object({}),
  errors: [...memberErrors, "rate_limited"],
});

export const inviteEndpoint = endpoint({
  method: "POST",
  path: "/api/parties/{id}/invites",
  summary: "Invite another member by username",
  description:
    "The account with that username gets a `party_invite` notification (live in the site's bell, by email if it chose " +
    "that) linking to the party; joining still needs its own right to watch. A second invitation of the same account " +
    "to the same party is not sent again. 20 per hour per inviting account (429 rate_limited).",
  ...asMember,
  body: z.strictObject({ username: z.string().trim().min(1).max(64) }),
  response: z.object({ invited: z.string().describe("The invited account's username.") }),
  errors: [...memberErrors, "member_not_found", "cannot_invite_self", "rate_limited"],
});
