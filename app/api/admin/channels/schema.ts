import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";

const tag = "Admin: live TV";
const channelId = z.object({ channel_id: z.guid() });

const logoUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(https?:\/\/|\/)/, "an http(s) URL or a path on this site")
  .nullable()
  .describe("An image shown in the guide: an http(s) URL or a path on this site.");

const channelFields = {
  number: z.number().int().min(1).max(9999).describe("The channel's number in the guide, unique."),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(["linear", "live"]).describe("linear: plays its schedule of catalog titles in a loop; live: an ingested feed."),
  logo_url: logoUrl,
};

const adminChannel = z.object({
  id: z.guid(),
  number: z.number().int(),
  name: z.string(),
  kind: z.enum(["linear", "live"]),
  logo_url: z.string().nullable(),
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
  body: z.strictObject({ ...channelFields, kind: channelFields.kind.optional(), logo_url: logoUrl.optional() }),
  response: adminChannel,
  errors: [...errors, "channel_number_taken"],
});

export const updateChannelEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/channels/{channel_id}",
  summary: "Change a channel's number, name, kind or logo",
  tag,
  auth: "admin",
  params: channelId,
  body: z.strictObject(channelFields).partial(),
  response: adminChannel,
  errors: [...errors, "channel_not_found", "channel_number_taken"],
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
