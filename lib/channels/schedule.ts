import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { listScheduleItems, type ScheduleItemRow } from "@/db/queries/channels";
import { listIngests } from "@/db/queries/ingest";
import type { Channel, ChannelIngest, MediaAsset, Rendition } from "@/db/schema";
import { mediaDir } from "@/lib/env";
import { rungHeight } from "@/lib/playback/playlists";
import { mediaPath } from "@/lib/playback/signing";
import { LoopTimeline, type LiveProgramme } from "./live-playlist";

// A linear channel's schedule made playable: each programme's VOD segments (read from its transcoded playlists,
// which never change once an asset is ready) and the channel's ladder, the renditions every programme has (or,
// when they share none, the first one's, each programme playing its nearest rung).

export type ChannelSchedule = {
  timeline: LoopTimeline;
  ladder: Rendition[];
  /** The schedule item behind each programme of the timeline. */
  items: ScheduleItemRow[];
  /** A live channel's ingest (none before a worker first ran it). */
  ingest?: ChannelIngest;
};

type Segments = { durationsMs: number[]; uris: string[] };

// Immutable files, so a per-process memo is only a cache: every instance reads the same.
const memoKey = Symbol.for("normflix.channelSegments");
const memo = ((globalThis as unknown as Record<symbol, Map<string, Promise<Segments | null>>>)[memoKey] ??= new Map());

/** A rendition's segments, as public /media paths, with their durations in ms; null when unreadable. */
function readSegments(asset: MediaAsset, rendition: Rendition): Promise<Segments | null> {
  const key = `${asset.id}:${rendition.playlist}:${asset.updatedAt.getTime()}`;
  let found = memo.get(key);
  if (!found) {
    found = parseSegments(asset, rendition);
    if (memo.size > 2000) memo.clear();
    memo.set(key, found);
  }
  return found;
}

async function parseSegments(asset: MediaAsset, rendition: Rendition): Promise<Segments | null> {
  const text = await fs.readFile(path.join(mediaDir, asset.directory, rendition.playlist), "utf8").catch(() => null);
  if (text === null) return null;
  const folder = path.posix.dirname(rendition.playlist);
  const result: Segments = { durationsMs: [], uris: [] };
  let duration: number | undefined;
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (line.startsWith("#EXTINF:")) duration = Math.round(Number.parseFloat(line.slice(8)) * 1000);
    else if (line && !line.startsWith("#") && duration !== undefined) {
      if (/^[a-z][a-z0-9+.-]*:|^\/|\.\./i.test(line)) return null; // the pipeline writes plain relative names only
      result.durationsMs.push(duration);
      result.uris.push(mediaPath(asset.id, path.posix.join(folder, line)));
      duration = undefined;
    }
  }
  return result.uris.length && result.durationsMs.every((d) => d > 0) ? result : null;
}

const nearest = (renditions: Rendition[], name: string) => {
  const height = rungHeight({ name, height: 0 });
  return renditions.find((r) => r.name === name) ?? [...renditions].sort((a, b) => Math.abs(rungHeight(a) - height) - Math.abs(rungHeight(b) - height))[0];
};

/** The playable schedule of each channel (programmes whose title is published and whose video is ready). */
export async function loadSchedules(channels: Channel[]): Promise<Map<string, ChannelSchedule>> {
  const [rows, ingests] = await Promise.all([
    listScheduleItems(channels.map((c) => c.id)),
    listIngests(channels.filter((c) => c.kind === "live").map((c) => c.id)),
  ]);
  const result = new Map<string, ChannelSchedule>();
  for (const channel of channels) {
    if (channel.kind === "live") {
      // An ingested channel plays its feed, never a schedule.
      const ingest = ingests.find((i) => i.channelId === channel.id);
      result.set(channel.id, { timeline: new LoopTimeline({ startsAtMs: 0, programmes: [] }), ladder: ingest?.renditions ?? [], items: [], ingest });
      continue;
    }
    const items = rows.filter((row) => row.channelId === channel.id && row.published && row.asset?.status === "ready" && row.asset.renditions.length);
    result.set(channel.id, await buildSchedule(channel, items));
  }
  return result;
}

export async function loadSchedule(channel: Channel): Promise<ChannelSchedule> {
  return (await loadSchedules([channel])).get(channel.id)!;
}

async function buildSchedule(channel: Channel, candidates: ScheduleItemRow[]): Promise<ChannelSchedule> {
  const names = (item: ScheduleItemRow) => new Set(item.asset!.renditions.map((r) => r.name));
  const common = candidates.length ? [...names(candidates[0])].filter((name) => candidates.every((item) => names(item).has(name))) : [];
  const ladderNames = (common.length ? common : candidates[0]?.asset!.renditions.map((r) => r.name) ?? []).sort(
    (a, b) => rungHeight({ name: a, height: 0 }) - rungHeight({ name: b, height: 0 }),
  );
  const programmes: LiveProgramme[] = [];
  const items: ScheduleItemRow[] = [];
  for (const item of candidates) {
    const picked = ladderNames.map((name) => nearest(item.asset!.renditions, name));
    const segments = await Promise.all(picked.map((rendition) => readSegments(item.asset!, rendition)));
    if (segments.some((s) => s === null)) continue;
    // Every rendition follows the lowest one's segment times (the pipeline cuts all renditions at the same keyframes).
    const count = Math.min(...segments.map((s) => s!.uris.length));
    programmes.push({
      title: programmeTitle(item),
      durationsMs: segments[0]!.durationsMs.slice(0, count),
      uris: Object.fromEntries(ladderNames.map((name, i) => [name, segments[i]!.uris.slice(0, count)])),
    });
    items.push(item);
  }
  const ladder = ladderNames.map((name) => {
    const picked = items.map((item) => nearest(item.asset!.renditions, name));
    const first = picked[0];
    return {
      ...first,
      name,
      bandwidth: Math.max(...picked.map((r) => r.bandwidth)),
      averageBandwidth: Math.max(...picked.map((r) => r.averageBandwidth)),
      playlist: `${name}.m3u8`,
    };
  });
  return { timeline: new LoopTimeline({ startsAtMs: channel.scheduleStartsAt.getTime(), programmes }), ladder: items.length ? ladder : [], items };
}

/** "Movie" or "Show · S1:E2 Episode". */
export function programmeTitle(item: Pick<ScheduleItemRow, "title" | "seasonNumber" | "episodeNumber" | "episodeTitle">): string {
  return item.episodeNumber === null ? item.title : `${item.title} · S${item.seasonNumber}:E${item.episodeNumber} ${item.episodeTitle}`;
}
