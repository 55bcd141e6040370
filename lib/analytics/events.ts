import "server-only";
import { insertPlaybackEvents, profileIdsByName, streamsOfAccount, titlesOfItems } from "@/db/queries/analytics-events";
import type { NewPlaybackEvent } from "@/db/schema/analytics";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import type { PlaybackEvent } from "./event-schema";

// Ingest of client playback events: the whole batch is checked (profiles, streams and items must be the caller's and
// exist, times recent), then stored in one INSERT, or nothing is stored. It never touches the progress path's tables.

/** Events older than this are refused: a client holding a week of events has lost them anyway. */
const MAX_AGE_MS = 7 * 86_400_000;
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

type Problem = { field: string; message: string };

const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined))];

/** The columns an event fills beyond its data, so that the analytics queries never parse JSON. */
function measures(event: PlaybackEvent): Pick<NewPlaybackEvent, "rendition" | "bitrate" | "positionSeconds" | "durationMs" | "errorCode"> {
  const data = event.data as Record<string, unknown>;
  const num = (key: string) => (typeof data[key] === "number" ? (data[key] as number) : null);
  return {
    rendition: typeof data.rendition === "string" ? data.rendition : null,
    bitrate: num("bitrate"),
    positionSeconds: event.type === "seek" ? event.data.to_seconds : num("position_seconds"),
    durationMs: num("startup_ms") ?? num("duration_ms") ?? num("played_ms"),
    errorCode: event.type === "error" ? event.data.code : null,
  };
}

export async function ingestEvents(principal: Principal, events: PlaybackEvent[], now = Date.now()): Promise<{ accepted: number }> {
  const [profileIds, streamRows, itemTitles] = await Promise.all([
    profileIdsByName(principal.accountId, unique(events.map((e) => e.profile))),
    streamsOfAccount(principal.accountId, unique(events.map((e) => e.stream_id))),
    titlesOfItems(unique(events.map((e) => e.item))),
  ]);
  const problems: Problem[] = [];
  const rows = events.map((event, index): NewPlaybackEvent => {
    const problem = (field: string, message: string) => problems.push({ field: `body.events.${index}.${field}`, message });
    const occurredAt = new Date(event.occurred_at);
    if (occurredAt.getTime() < now - MAX_AGE_MS || occurredAt.getTime() > now + MAX_CLOCK_SKEW_MS) problem("occurred_at", "Must lie within the last 7 days.");
    const stream = event.stream_id ? streamRows.get(event.stream_id) : undefined;
    if (event.stream_id && !stream) problem("stream_id", "No stream of this account has that id.");
    const profileId = event.profile ? profileIds.get(event.profile) : stream?.profileId;
    if (event.profile && !profileId) problem("profile", "No profile of this account has that name.");
    if (event.profile && stream && profileId !== stream.profileId) problem("profile", "The stream belongs to another profile.");
    const itemId = event.item ?? stream?.itemId;
    if (event.item && !itemTitles.has(event.item)) problem("item", "No movie or episode has that id.");
    if (event.item && stream && event.item !== stream.itemId) problem("item", "The stream plays another item.");
    return {
      occurredAt,
      accountId: principal.accountId,
      profileId: profileId ?? null,
      streamId: event.stream_id ?? null,
      itemId: itemId ?? null,
      titleId: (event.item ? itemTitles.get(event.item) : stream?.titleId) ?? null,
      type: event.type,
      data: event.data,
      ...measures(event),
    };
  });
  if (problems.length) {
    throw new ApiError("validation_failed", `The request body is invalid: ${problems[0].field}: ${problems[0].message} Nothing was stored.`, problems);
  }
  await insertPlaybackEvents(rows);
  return { accepted: rows.length };
}
