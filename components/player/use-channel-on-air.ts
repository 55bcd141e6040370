"use client";
import { useEffect, useState } from "react";

const POLL_MS = 4_000;

/**
 * Whether a live (ingested) channel is on air, asked of GET /api/channels/<id> every few seconds while `active`
 * (a stalled picture, or the off-air slate): null until known. The feed's return ends the slate by itself.
 */
export function useChannelOnAir(channelId: string | undefined, active: boolean): boolean | null {
  const [onAir, setOnAir] = useState<boolean | null>(null);
  useEffect(() => {
    if (!channelId || !active) return;
    let cancelled = false;
    const ask = () =>
      fetch(`/api/channels/${channelId}`, { credentials: "same-origin", cache: "no-store" })
        .then((response) => (response.ok ? response.json() : null))
        .then((body: { on_air: boolean } | null) => !cancelled && body && setOnAir(body.on_air))
        .catch(() => undefined);
    void ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [channelId, active]);
  return active ? onAir : null;
}
