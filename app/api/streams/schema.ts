import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { profileName } from "@/lib/profiles/profile-name";

const tag = "Playback";

export const profileField = { profile: profileName.describe("The profile that watches (its maturity rating and progress apply).") };

const liveStream = z.object({
  stream_id: z.guid(),
  profile: z.string(),
  type: z.enum(["movie", "episode"]),
  title: z.string(),
  title_id: z.guid(),
  device: z.string().nullable().describe("The user agent that started it."),
  started_at: z.string(),
  last_seen_at: z.string().describe("Its lease's last renewal (a progress write)."),
});

export const streamResponse = z.object({
  stream_id: z.guid().describe("End it with DELETE /api/streams/{stream_id}; progress writes keep it alive."),
  manifest_url: z.string().describe("Signed HLS master playlist listing only the renditions the plan allows; expires at expires_at."),
  expires_at: z.string().describe("Until when manifest_url can be first fetched (the URLs inside it last the whole viewing)."),
  max_quality: z.string().describe("The highest rendition the manifest lists, e.g. 480p on the basic plan."),
  qualities: z.array(z.string()).describe("Every rendition the manifest lists, lowest first."),
  subtitles: z.array(z.object({ language: z.string(), label: z.string(), url: z.string().describe("Signed WebVTT.") })),
  audio_tracks: z
    .array(z.object({ language: z.string().describe("BCP 47; und when the source did not say."), label: z.string(), default: z.boolean() }))
    .describe("The video's audio tracks; with more than one the manifest lists them as an EXT-X-MEDIA TYPE=AUDIO group."),
  audio_language: z
    .string()
    .nullable()
    .describe("The track to start with: the profile's last choice (PATCH /api/profiles/{name}/preferences), else its language, else the default."),
  subtitle_language: z
    .string()
    .nullable()
    .describe("Subtitles to start with: the profile's language when the audio above is in another one and the video has them; else null (off)."),
  resume_from: z.number().describe("Seconds: where the profile stopped (0 when never started or finished)."),
  duration_seconds: z.number().nullable(),
  thumbnails_url: z.string().nullable().describe("Signed WebVTT map of scrub-preview thumbnails (sprite#xywh=…)."),
  intro: z.object({ start: z.number(), end: z.number() }).nullable().describe("Intro markers, for a skip-intro button."),
  credits_start: z.number().nullable(),
  next: z.object({ season: z.number().int(), episode: z.number().int() }).nullable().describe("Episodes: the one after this."),
  lease_seconds: z.number().int().describe("A stream whose progress writes stop for this long is ended."),
});

export const streamErrors = [
  "forbidden",
  "subscription_required",
  "profile_not_found",
  "maturity_restricted",
  "genre_blocked",
  "viewing_limit_reached",
  "media_not_ready",
  "stream_limit_reached",
  "validation_failed",
] as const;

const description =
  "Checks, in this order: a valid token (403), the profile (404 profile_not_found, 403 profile_locked or kids_profile), " +
  "an active subscription (402 subscription_required), the profile's " +
  "maturity rating (403 maturity_restricted), its kids controls (403 genre_blocked, 403 viewing_limit_reached with " +
  "details.resets_at), and the plan's concurrent streams (409 stream_limit_reached, with the " +
  "live streams in details.active_streams). `profile` comes as a query parameter or in a JSON body; a locked profile " +
  "needs X-Profile-Token (403 profile_locked). Through the site's session cookie a cross-site GET is refused (403).";

export const movieStreamEndpoint = endpoint({
  method: "GET",
  path: "/api/movies/{movie_id}/stream",
  summary: "Start watching a movie",
  description,
  tag,
  auth: "required",
  profile: "required",
  params: z.object({ movie_id: z.guid() }),
  body: z.object(profileField),
  response: streamResponse,
  errors: [...streamErrors, "movie_not_found"],
});

export const episodeStreamEndpoint = endpoint({
  method: "GET",
  path: "/api/shows/{tv_show_id}/seasons/{season}/episodes/{episode}/stream",
  summary: "Start watching an episode",
  description,
  tag,
  auth: "required",
  profile: "required",
  params: z.object({
    tv_show_id: z.guid(),
    season: z.coerce.number().int().min(0).max(10_000),
    episode: z.coerce.number().int().min(0).max(10_000),
  }),
  body: z.object(profileField),
  response: streamResponse,
  errors: [...streamErrors, "show_not_found", "episode_not_found"],
});

// The same starts as POST: a start uses up one of the plan's streams, so clients should not send it as a GET. The
// profile comes in the body only.
const postOnly = { method: "POST", query: z.strictObject({}), body: z.strictObject(profileField) } as const;
export const movieStreamPostEndpoint = endpoint({ ...movieStreamEndpoint, ...postOnly });
export const episodeStreamPostEndpoint = endpoint({ ...episodeStreamEndpoint, ...postOnly });

export const listStreamsEndpoint = endpoint({
  method: "GET",
  path: "/api/streams",
  summary: "The account's live streams",
  tag,
  auth: "required",
  response: z.object({ items: z.array(liveStream) }),
  errors: ["forbidden"],
});

export const endStreamEndpoint = endpoint({
  method: "DELETE",
  path: "/api/streams/{stream_id}",
  summary: "End a stream, freeing its slot at once",
  description: "Ending an already ended stream succeeds. Any of the account's streams can be ended, from any device.",
  tag,
  auth: "required",
  params: z.object({ stream_id: z.guid() }),
  response: z.object({}),
  errors: ["forbidden", "stream_not_found", "validation_failed"],
});
