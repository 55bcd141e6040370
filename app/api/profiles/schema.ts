import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { languageTag } from "@/lib/catalog/languages";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
import { profileName } from "@/lib/profiles/profile-name";

export { profileName };
import { ACCEPTED_AVATARS } from "@/lib/profiles/avatars";
import { currentPassword } from "../accounts/schema";

const tag = "Profiles";

const nameParams = z.object({ name: profileName });
const pin = z.string().regex(/^\d{4}$/, "A PIN is four digits.");

const profile = z.object({
  name: z.string(),
  kids: z.boolean(),
  maturity_rating: z.enum(MATURITY_RATINGS),
  avatar: z.enum(ACCEPTED_AVATARS),
  has_pin: z.boolean(),
  blocked_genres: z.array(z.string()).describe("Kids controls: slugs of the genres hidden from the profile."),
  daily_limit_minutes: z.number().int().nullable().describe("Kids controls: minutes of viewing a day; null for no limit."),
  language: z.string().nullable().describe("The profile's language (BCP 47): picks the audio and subtitles titles start with; null: the browser's."),
  audio_language: z.string().nullable().describe("The audio language last chosen in a player (GET|PATCH /api/profiles/{name}/preferences)."),
  created_at: z.string(),
});

export const listProfilesEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles",
  summary: "The account's profiles",
  tag,
  auth: "required",
  response: z.object({ items: z.array(profile) }),
  errors: ["forbidden"],
});

export const createProfileEndpoint = endpoint({
  method: "POST",
  path: "/api/profiles/{name}/new",
  summary: "Create a profile",
  description: "426 when the plan's profile limit is reached, or when the account has no active plan (see GET /api/plans).",
  tag,
  auth: "required",
  accountHolder: true,
  params: nameParams,
  response: profile,
  errors: ["forbidden", "profile_exists", "upgrade_required", "validation_failed"],
});

export const deleteProfileEndpoint = endpoint({
  method: "DELETE",
  path: "/api/profiles/{name}",
  summary: "Delete a profile with its progress",
  tag,
  auth: "required",
  accountHolder: true,
  params: nameParams,
  response: z.object({}),
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});

export const updateProfileEndpoint = endpoint({
  method: "PATCH",
  path: "/api/profiles/{name}",
  summary: "Change a profile's kids flag, maturity rating, avatar, PIN, language or kids controls",
  description:
    "Kids controls: `blocked_genres` (genre slugs from GET /api/genres) hides those genres from the profile and refuses " +
    "their streams (403 genre_blocked); `daily_limit_minutes` refuses stream starts and progress writes once the day's " +
    "viewing time is used (403 viewing_limit_reached). The day is the account's time zone (its notification settings) " +
    "when it has one, else UTC.",
  tag,
  auth: "required",
  accountHolder: true,
  params: nameParams,
  query: z.strictObject({}),
  body: z.strictObject({
    kids: z.boolean().optional(),
    maturity_rating: z.enum(MATURITY_RATINGS).optional().describe("The highest rating this profile may watch."),
    avatar: z.enum(ACCEPTED_AVATARS).optional(),
    pin: pin.nullable().optional().describe("Four digits, stored hashed; null removes it."),
    blocked_genres: z
      .array(z.string().regex(/^[a-z0-9-]{1,64}$/, "A genre slug, such as horror."))
      .max(100)
      .optional()
      .describe("Genre slugs the profile never sees; replaces the stored list ([] unblocks every genre)."),
    daily_limit_minutes: z
      .number()
      .int()
      .min(1)
      .max(1440)
      .nullable()
      .optional()
      .describe("Minutes of viewing a day (1–1440); null removes the limit."),
    language: languageTag
      .nullable()
      .optional()
      .describe("The profile's language (BCP 47, e.g. es, pt-BR): titles start in it, or with its subtitles when they are not dubbed in it; null: the browser's."),
    current_password: currentPassword.describe(
      "The account's password: required to set or remove a PIN through the site's session cookie (403 current_password_incorrect).",
    ),
  }),
  response: profile,
  errors: ["forbidden", "profile_not_found", "validation_failed", "current_password_incorrect"],
});

export const unlockProfileEndpoint = endpoint({
  method: "POST",
  path: "/api/profiles/{name}/unlock",
  summary: "Unlock a PIN-protected profile",
  description:
    "Answers a profile token for this bearer token: send it as X-Profile-Token on calls that act as the profile " +
    "(streams, progress, lists, catalog reads with ?profile=). It ends after expires_in seconds, when the PIN changes, " +
    "or with the bearer token. Wrong PINs are limited per profile (429 with Retry-After). A profile without a PIN " +
    "needs no token; unlocking it answers one all the same.",
  tag,
  auth: "required",
  limit: "auth",
  params: nameParams,
  query: z.strictObject({}),
  body: z.strictObject({ pin }),
  response: z.object({
    profile_token: z.string(),
    expires_in: z.number().int().describe("Seconds the token works."),
  }),
  errors: ["forbidden", "profile_not_found", "pin_incorrect", "validation_failed"],
});

export const renameProfileEndpoint = endpoint({
  method: "PUT",
  path: "/api/profiles/{name}/name",
  summary: "Rename a profile",
  tag,
  auth: "required",
  accountHolder: true,
  params: nameParams,
  body: z.object({ name: profileName }),
  response: profile,
  errors: ["forbidden", "profile_not_found", "profile_exists", "validation_failed"],
});

// GET takes the target as a JSON body or as query parameters (strings, hence the coercion).
function progressTarget(numbers: z.ZodNumber | z.ZodCoercedNumber) {
  const index = numbers.int().min(0).max(10_000);
  return {
    movie: z.object({ kind: z.literal("movie_watch_progress"), movie_id: z.guid() }),
    show: z.object({ kind: z.literal("tv_show_watch_progress"), tv_show_id: z.guid(), tv_show_season: index, tv_show_episode: index }),
  };
}

// The last instant a JavaScript Date can hold (8.64e15 ms, in the year 275760): past it `new Date` is Invalid Date.
const epochMs = z.number().int().positive().max(8.64e15, "Epoch milliseconds end at 8.64e15 (the year 275760).");

const write = {
  progress: z.number().min(0).max(10_000_000).describe("Seconds into the movie or episode; beyond its end is clamped."),
  client_timestamp: z
    .union([z.iso.datetime({ offset: true }), epochMs], { error: "Send an ISO 8601 date-time or epoch milliseconds." })
    .transform((value) => new Date(value))
    .pipe(z.date({ error: "Not a representable date." }))
    .optional()
    .describe("When the client took this position (ISO 8601 or epoch ms); an older write never replaces a newer one."),
};

const queryTarget = progressTarget(z.coerce.number());
const bodyTarget = progressTarget(z.number());
const progressWrite = z.discriminatedUnion("kind", [bodyTarget.movie.extend(write), bodyTarget.show.extend(write)]);
const progressResult = z.object({ progress: z.number().nullable(), watched: z.boolean() });

export const getProgressEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/progress",
  summary: "A profile's watch progress on a movie or episode",
  description: "The target comes as a JSON body or as query parameters. `progress` is null when never started.",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  body: z.discriminatedUnion("kind", [queryTarget.movie, queryTarget.show]),
  response: progressResult,
  errors: ["forbidden", "profile_not_found", "movie_not_found", "episode_not_found", "validation_failed"],
});

export const createProgressEndpoint = endpoint({
  method: "POST",
  path: "/api/profiles/{name}/progress",
  summary: "Create watch progress",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  body: progressWrite,
  response: progressResult,
  errors: ["forbidden", "profile_not_found", "movie_not_found", "episode_not_found", "progress_exists", "viewing_limit_reached", "validation_failed"],
});

export const updateProgressEndpoint = endpoint({
  method: "PUT",
  path: "/api/profiles/{name}/progress",
  summary: "Update watch progress",
  description: "404 before a POST. A write older than the stored one (by client_timestamp) is not applied (`applied: false`).",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  body: progressWrite,
  response: progressResult.extend({ applied: z.boolean() }),
  errors: ["forbidden", "profile_not_found", "movie_not_found", "episode_not_found", "progress_not_found", "viewing_limit_reached", "validation_failed"],
});

const preferences = z.object({
  language: z.string().nullable().describe("The profile's language (BCP 47; set with PATCH /api/profiles/{name}); null: the browser's."),
  audio_language: z
    .string()
    .nullable()
    .describe("The audio language last chosen in a player: the next title starts in it when it has it, else in `language`."),
});

export const getPreferencesEndpoint = endpoint({
  method: "GET",
  path: "/api/profiles/{name}/preferences",
  summary: "The profile's playback languages",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  query: z.strictObject({}),
  response: preferences,
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});

export const updatePreferencesEndpoint = endpoint({
  method: "PATCH",
  path: "/api/profiles/{name}/preferences",
  summary: "Remember the profile's audio language",
  description:
    "What a player sends when the viewer picks an audio track: later stream starts answer it as `audio_language` " +
    "for every title that has it. Any profile may set its own, kids profiles included.",
  tag,
  auth: "required",
  profile: "required",
  params: nameParams,
  query: z.strictObject({}),
  body: z.strictObject({
    audio_language: languageTag.nullable().describe("A BCP 47 tag (e.g. es, pt-BR); null forgets the choice."),
  }),
  response: preferences,
  errors: ["forbidden", "profile_not_found", "validation_failed"],
});
