import "server-only";
import { randomBytes } from "node:crypto";
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
import { listIngests, takenRtmpPorts } from "@/db/queries/ingest";
import type { Channel } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { requireAdmin } from "@/lib/admin/guard";
import { ApiError, uniqueViolation } from "@/lib/api/errors";
import { maturityLevel, type MaturityRating } from "@/lib/catalog/maturity";
import { appUrl, env } from "@/lib/env";
import { eventStream } from "@/lib/realtime";
import { CHANNELS_TOPIC, ingestView } from "./ingest/status";
import { programmeTitle } from "./schedule";

// Channels as the admin sees them: every channel, each with its whole schedule (playable or not yet).

type ChannelInput = {
  number: number;
  name: string;
  kind?: "linear" | "live";
  logo_url?: string | null;
  rtmp_port?: number;
  source_url?: string | null;
  maturity_rating?: MaturityRating | null;
};

const notFound = () => new ApiError("channel_not_found", "There is no channel with this id.");

/** Where encoders push: rtmp://<LIVE_RTMP_HOST, else the site's host>:<port>/live (OBS's "Server"). */
const rtmpServer = (port: number) => `rtmp://${env.LIVE_RTMP_HOST ?? new URL(appUrl).hostname}:${port}/live`;

/** A live channel's ingest as its admin needs it: where to push, with which key (or what it pulls), and how it goes. */
function ingestSettings(channel: Channel, ingest: Parameters<typeof ingestView>[0]) {
  if (channel.kind !== "live") return null;
  const server = channel.rtmpPort ? rtmpServer(channel.rtmpPort) : null;
  return {
    rtmp_server: server,
    stream_key: channel.streamKey,
    rtmp_url: server && channel.streamKey && !channel.sourceUrl ? `${server}/${channel.streamKey}` : null,
    rtmp_port: channel.rtmpPort,
    source_url: channel.sourceUrl,
    status: ingestView(ingest),
  };
}

async function adminViews(channels: Channel[]) {
  const rows = await listScheduleItems(channels.map((c) => c.id));
  const ingests = new Map((await listIngests(channels.filter((c) => c.kind === "live").map((c) => c.id))).map((i) => [i.channelId, i]));
  return channels.map((channel) => ({
    id: channel.id,
    number: channel.number,
    name: channel.name,
    kind: channel.kind,
    logo_url: channel.logoUrl,
    maturity_rating: channel.maturityRating,
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
    ingest: ingestSettings(channel, ingests.get(channel.id)),
  }));
}

export type AdminChannel = Awaited<ReturnType<typeof adminViews>>[number];

export async function listAdminChannels(principal: Principal | undefined) {
  requireAdmin(principal);
  const items = await adminViews(await listChannels(undefined));
  return { items, total: items.length, limit: items.length, offset: 0 };
}

/**
 * The admin channels list as server-sent events (a snapshot feed, as the jobs view's): sent at once and again after
 * every ingest change any worker publishes. Streams end after 5 minutes; EventSource reconnects and is authorized again.
 */
export async function streamChannelEvents(principal: Principal | undefined, signal: AbortSignal) {
  requireAdmin(principal);
  return eventStream({
    topics: [CHANNELS_TOPIC],
    signal,
    lifetimeMs: 5 * 60_000,
    snapshot: { event: "channels", read: () => listAdminChannels(principal), debounceMs: 250 },
  });
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

// Two admins taking one number (or port) at once: the unique index decides.
const numberRace = (number: number | undefined) => (error: unknown): never => {
  const index = uniqueViolation(error);
  if (index?.includes("rtmp_port")) throw new ApiError("rtmp_port_taken", "Another channel listens on this port: choose another one.");
  if (index !== undefined) throw new ApiError("channel_number_taken", `Channel ${number} exists already: choose another number.`);
  throw error;
};

/** A fresh stream key: 192 random bits, URL-safe (it is the last part of the RTMP URL). */
const newStreamKey = () => `live_${randomBytes(24).toString("base64url")}`;

/** The lowest port of LIVE_RTMP_PORTS no channel listens on. */
async function freeRtmpPort(): Promise<number> {
  const [from, to] = env.LIVE_RTMP_PORTS;
  const taken = new Set(await takenRtmpPorts([from, to]));
  for (let port = from; port <= to; port++) if (!taken.has(port)) return port;
  throw new ApiError("no_rtmp_port_free", `Every port of LIVE_RTMP_PORTS (${from}-${to}) has a channel: widen the range or give this channel rtmp_port.`);
}

/** A live channel listens with a key on a port of its own from the moment it is live (kept if it goes linear and back). */
async function liveFields(kind: "linear" | "live" | undefined, current: Channel | undefined, input: Partial<ChannelInput>): Promise<Partial<ChannelFields>> {
  if ((kind ?? current?.kind) !== "live") return {};
  return {
    ...(!current?.streamKey && { streamKey: newStreamKey() }),
    ...(input.rtmp_port === undefined && !current?.rtmpPort && { rtmpPort: await freeRtmpPort() }),
  };
}

const fields = (input: Partial<ChannelInput>): Partial<ChannelFields> => ({
  ...(input.number !== undefined && { number: input.number }),
  ...(input.name !== undefined && { name: input.name }),
  ...(input.kind !== undefined && { kind: input.kind }),
  ...(input.logo_url !== undefined && { logoUrl: input.logo_url }),
  ...(input.rtmp_port !== undefined && { rtmpPort: input.rtmp_port }),
  ...(input.source_url !== undefined && { sourceUrl: input.source_url }),
  ...(input.maturity_rating !== undefined && {
    maturityRating: input.maturity_rating,
    maturityLevel: input.maturity_rating === null ? null : maturityLevel(input.maturity_rating),
  }),
});

export async function createChannel(principal: Principal | undefined, input: ChannelInput) {
  requireAdmin(principal);
  await assertNumberFree(input.number);
  const live = await liveFields(input.kind, undefined, input);
  const channel = await insertChannel({ kind: "linear", ...fields(input), ...live } as ChannelFields).catch(numberRace(input.number));
  return (await adminViews([channel]))[0];
}

export async function editChannel(principal: Principal | undefined, channelId: string, input: Partial<ChannelInput>) {
  requireAdmin(principal);
  if (input.number !== undefined) await assertNumberFree(input.number, channelId);
  const current = await findChannel(channelId);
  if (!current) throw notFound();
  const live = await liveFields(input.kind, current, input);
  const channel = await updateChannel(channelId, { ...fields(input), ...live }).catch(numberRace(input.number));
  if (!channel) throw notFound();
  return (await adminViews([channel]))[0];
}

/** A new stream key for a live channel: the encoder pushing with the old one is cut off within seconds. */
export async function rotateStreamKey(principal: Principal | undefined, channelId: string) {
  requireAdmin(principal);
  const current = await findChannel(channelId);
  if (!current) throw notFound();
  if (current.kind !== "live") throw new ApiError("not_a_live_channel", "Only a live channel has a stream key: make it live first.");
  const channel = await updateChannel(channelId, { streamKey: newStreamKey(), ...(!current.rtmpPort && { rtmpPort: await freeRtmpPort() }) }).catch(numberRace(undefined));
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
