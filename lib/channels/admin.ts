import "server-only";
import {
  channelNumberTaken,
  deleteChannel,
  findChannel,
  findSchedulable,
  insertChannel,
  listChannels,
  listScheduleItems,
  replaceSchedule,
  updateChannel,
  type ChannelFields,
  type NewScheduleItem,
} from "@/db/queries/channels";
import type { Channel } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { requireAdmin } from "@/lib/admin/guard";
import { ApiError, uniqueViolation } from "@/lib/api/errors";
import { programmeTitle } from "./schedule";

// Channels as the admin sees them: every channel, each with its whole schedule (playable or not yet).

type ChannelInput = { number: number; name: string; kind?: "linear" | "live"; logo_url?: string | null };

const notFound = () => new ApiError("channel_not_found", "There is no channel with this id.");

async function adminViews(channels: Channel[]) {
  const rows = await listScheduleItems(channels.map((c) => c.id));
  return channels.map((channel) => ({
    id: channel.id,
    number: channel.number,
    name: channel.name,
    kind: channel.kind,
    logo_url: channel.logoUrl,
    schedule_starts_at: channel.scheduleStartsAt.toISOString(),
    schedule: rows
      .filter((row) => row.channelId === channel.id)
      .map((row) => ({
        type: row.kind,
        id: row.episodeId ?? row.titleId,
        title_id: row.titleId,
        title: programmeTitle(row),
        duration_seconds: row.asset?.durationSeconds ?? null,
        playable: row.published && row.asset?.status === "ready" && row.asset.renditions.length > 0,
      })),
  }));
}

export type AdminChannel = Awaited<ReturnType<typeof adminViews>>[number];

export async function listAdminChannels(principal: Principal | undefined) {
  requireAdmin(principal);
  const items = await adminViews(await listChannels(undefined));
  return { items, total: items.length, limit: items.length, offset: 0 };
}

export async function getAdminChannel(principal: Principal | undefined, channelId: string): Promise<AdminChannel> {
  requireAdmin(principal);
  const channel = await findChannel(channelId);
  if (!channel) throw notFound();
  return (await adminViews([channel]))[0];
}

async function assertNumberFree(number: number, exceptId?: string) {
  if (await channelNumberTaken(number, exceptId)) throw new ApiError("channel_number_taken", `Channel ${number} exists already: choose another number.`);
}

// Two admins taking one number at once: the unique index decides.
const numberRace = (number: number | undefined) => (error: unknown): never => {
  if (uniqueViolation(error) !== undefined) throw new ApiError("channel_number_taken", `Channel ${number} exists already: choose another number.`);
  throw error;
};

const fields = (input: Partial<ChannelInput>): Partial<ChannelFields> => ({
  ...(input.number !== undefined && { number: input.number }),
  ...(input.name !== undefined && { name: input.name }),
  ...(input.kind !== undefined && { kind: input.kind }),
  ...(input.logo_url !== undefined && { logoUrl: input.logo_url }),
});

export async function createChannel(principal: Principal | undefined, input: ChannelInput) {
  requireAdmin(principal);
  await assertNumberFree(input.number);
  const channel = await insertChannel({ kind: "linear", ...fields(input) } as ChannelFields).catch(numberRace(input.number));
  return (await adminViews([channel]))[0];
}

export async function editChannel(principal: Principal | undefined, channelId: string, input: Partial<ChannelInput>) {
  requireAdmin(principal);
  if (input.number !== undefined) await assertNumberFree(input.number, channelId);
  const channel = await updateChannel(channelId, fields(input)).catch(numberRace(input.number));
  if (!channel) throw notFound();
  return (await adminViews([channel]))[0];
}

export async function removeChannel(principal: Principal | undefined, channelId: string) {
  requireAdmin(principal);
  if (!(await deleteChannel(channelId))) throw notFound();
  return {};
}

/** Replaces the schedule with these movies and episodes, in order; its loop starts again now. */
export async function setSchedule(principal: Principal | undefined, channelId: string, items: Array<{ type: "movie" | "episode"; id: string }>) {
  requireAdmin(principal);
  const resolved: NewScheduleItem[] = [];
  for (const [index, item] of items.entries()) {
    const found = await findSchedulable(item.type, item.id);
    if (!found) {
      const message = item.type === "movie" ? "no movie has this id" : "no episode has this id";
      throw new ApiError("validation_failed", `The request body is invalid: body.items.${index}.id: ${message}.`, [{ field: `body.items.${index}.id`, message }]);
    }
    resolved.push(found);
  }
  if (!(await replaceSchedule(channelId, resolved))) throw notFound();
  return getAdminChannel(principal, channelId);
}
