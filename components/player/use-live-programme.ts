"use client";
import { useEffect, useState } from "react";

type Programme = { title: string; starts_at: string; ends_at: string };

const HOUR_MS = 3_600_000;

/**
 * The programme on screen of a live channel: its schedule (fetched for the hours around now, again once the picture
 * runs past it) against the wall-clock time of the frame playing (#EXT-X-PROGRAM-DATE-TIME), so rewinding across a
 * boundary shows the earlier programme's title.
 */
export function useLiveProgramme(channelId: string | undefined, playingDate: () => Date | null, tick: number): Programme | null {
  const [schedule, setSchedule] = useState<{ until: number; items: Programme[] } | null>(null);
  const at = playingDate()?.getTime() ?? Date.now();
  const stale = channelId !== undefined && (schedule === null || at >= schedule.until);

  useEffect(() => {
    if (!stale || !channelId) return;
    const from = new Date(Date.now() - HOUR_MS);
    const to = new Date(Date.now() + 3 * HOUR_MS);
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), limit: "1000" });
    let cancelled = false;
    fetch(`/api/channels/${channelId}/schedule?${query}`, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { items: Programme[] } | null) => !cancelled && body && setSchedule({ until: to.getTime(), items: body.items }))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [channelId, stale]);

  void tick; // re-evaluated as the video's time advances
  return schedule?.items.find((p) => Date.parse(p.starts_at) <= at && at < Date.parse(p.ends_at)) ?? null;
}
