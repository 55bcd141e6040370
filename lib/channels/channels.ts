import "server-only";
import { findChannel, listChannels, searchChannels } from "@/db/queries/channels";
import type { Channel } from "@/db/schema";
import { channelRating, type Audience } from "@/lib/access/visibility";
import { ApiError } from "@/lib/api/errors";
import { ingestView } from "./ingest/status";
import { programmesBetween } from "./live-playlist";
import { loadSchedule, loadSchedules, type ChannelSchedule } from "./schedule";

// The guide: channels with what is on now and next, and a channel's programmes over a time range, all from the same
// loop the live playlists are cut from, so the guide and the picture agree to the segment.

/** The longest range one schedule request may span. */
export const MAX_SCHEDULE_RANGE_MS = 7 * 86_400_000;

function programmeView(schedule: ChannelSchedule, p: { index: number; title: string; startsAtMs: number; endsAtMs: number }) {
  const item = schedule.items[p.index];
  return {
    title: p.title,
    type: item.kind,
    title_id: item.titleId,
    episode_id: item.episodeId,
    starts_at: new Date(p.startsAtMs).toISOString(),
    ends_at: new Date(p.endsAtMs).toISOString(),
  };
}

export type ProgrammeView = ReturnType<typeof programmeView>;

/** What airs now and next (null for a channel with nothing playable). */
export function nowAndNext(schedule: ChannelSchedule, nowMs: number) {
  if (!schedule.items.length) return { now: null, next: null };
  const [current, next] = programmesBetween(schedule.timeline, nowMs, Number.MAX_SAFE_INTEGER, 2).map((p) => programmeView(schedule, p));
  // Before the loop's first start, "now" is the first programme about to begin.
  return nowMs < schedule.timeline.schedule.startsAtMs ? { now: null, next: current } : { now: current, next };
}

export function channelView(channel: Channel, schedule: ChannelSchedule, nowMs: number) {
  return {
    type: "channel" as const,
    id: channel.id,
    number: channel.number,
    name: channel.name,
    kind: channel.kind,
    logo_url: channel.logoUrl,
    // The rating the channel is judged by (an unrated live one counts as the highest); null: its titles decide.
    maturity_rating: channelRating(channel)?.maturityRating ?? null,
    // A live channel is on air while its feed is; a linear one while anything on its schedule plays.
    on_air: channel.kind === "live" ? ingestView(schedule.ingest, nowMs).state === "on_air" : schedule.items.length > 0,
    ...nowAndNext(schedule, nowMs),
  };
}

export async function getChannels(audience: Audience, now = Date.now()) {
  const channels = await listChannels(audience);
  const schedules = await loadSchedules(channels);
  return { items: channels.map((c) => channelView(c, schedules.get(c.id)!, now)) };
}

export async function requireChannel(channelId: string, audience?: Audience): Promise<Channel> {
  const channel = await findChannel(channelId, audience);
  if (!channel) throw new ApiError("channel_not_found", "There is no channel with this id.");
  return channel;
}

export async function getChannel(channelId: string, audience: Audience, now = Date.now()) {
  const channel = await requireChannel(channelId, audience);
  return channelView(channel, await loadSchedule(channel), now);
}

/** Programmes airing between `from` and `to` (default: the next 6 hours), a page of them. */
export async function getSchedule(
  channelId: string,
  audience: Audience,
  range: { from?: Date; to?: Date },
  page: { limit: number; offset: number },
  now = Date.now(),
) {
  const channel = await requireChannel(channelId, audience);
  const from = range.from?.getTime() ?? now;
  const to = range.to?.getTime() ?? from + 6 * 3_600_000;
  if (to <= from) throw new ApiError("validation_failed", "`to` must be after `from`.", [{ field: "query.to", message: "must be after from" }]);
  if (to - from > MAX_SCHEDULE_RANGE_MS) throw new ApiError("validation_failed", "A schedule spans at most 7 days.", [{ field: "query.to", message: "at most 7 days after from" }]);
  const schedule = await loadSchedule(channel);
  const all = schedule.items.length ? programmesBetween(schedule.timeline, from, to, Number.MAX_SAFE_INTEGER) : [];
  return {
    channel_id: channel.id,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    items: all.slice(page.offset, page.offset + page.limit).map((p) => programmeView(schedule, p)),
    total: all.length,
    ...page,
  };
}

/** Search hits for `type=channel`. */
export async function findChannels(q: string, audience: Audience, limit: number, now = Date.now()) {
  const rows = await searchChannels(q, audience, limit);
  const schedules = await loadSchedules(rows.map((r) => r.channel));
  return rows.map((r) => ({ ...channelView(r.channel, schedules.get(r.channel.id)!, now), title: r.channel.name, score: r.score }));
}

/** The site's guide: every channel visible to `audience`, with now and next and its programmes from `from` to `to`. */
export async function getGuide(audience: Audience, fromMs: number, toMs: number, now = Date.now()) {
  const channels = await listChannels(audience);
  const schedules = await loadSchedules(channels);
  return channels.map((channel) => {
    const schedule = schedules.get(channel.id)!;
    const programmes = schedule.items.length ? programmesBetween(schedule.timeline, fromMs, toMs, 400).map((p) => programmeView(schedule, p)) : [];
    return { ...channelView(channel, schedule, now), programmes };
  });
}
