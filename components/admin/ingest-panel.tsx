"use client";

import { useEffect, useState } from "react";
import type { AdminChannel } from "@/lib/channels/admin";

type Ingest = NonNullable<AdminChannel["ingest"]>;

const since = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : "");

/**
 * A live channel's ingest, live: where to push (server, stream key, the whole URL), rotating the key, and the feed's
 * state, size, frame rate and bitrate from /api/admin/channels/events (pushed whenever a worker reports).
 */
export function IngestPanel({ channelId, initial }: { channelId: string; initial: Ingest }) {
  const [ingest, setIngest] = useState(initial);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const events = new EventSource("/api/admin/channels/events");
    events.addEventListener("channels", (event) => {
      const channel = (JSON.parse(event.data).items as AdminChannel[]).find((c) => c.id === channelId);
      if (channel?.ingest) setIngest(channel.ingest);
    });
    return () => events.close();
  }, [channelId]);

  async function rotate() {
    if (!window.confirm("Give this channel a new stream key? An encoder using the current one is cut off.")) return;
    const response = await fetch(`/api/admin/channels/${channelId}/stream-key`, { method: "POST" });
    const body = await response.json().catch(() => undefined);
    if (!response.ok) return setError(body?.error?.message ?? "The key could not be rotated.");
    setIngest(body.ingest);
    setShown(true);
    setError(undefined);
  }

  const { status } = ingest;
  const onAir = status.state === "on_air";
  return (
    <section aria-labelledby="ingest" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
      <div className="flex items-center gap-3">
        <h2 id="ingest" className="flex-1 text-lg font-semibold">Ingest</h2>
        <span data-testid="ingest-state" className={`rounded px-2 py-0.5 text-xs font-bold ${onAir ? "bg-red-600 text-white" : "bg-white/10 text-muted"}`}>
          {onAir ? "ON AIR" : "OFF AIR"}
        </span>
      </div>
      {onAir ? (
        <p className="text-sm" data-testid="ingest-input">
          {status.width}×{status.height} · {status.fps ?? "…"} fps · {status.bitrate_kbps ?? "…"} kbit/s · {status.video_codec}
          {status.audio_codec ? `/${status.audio_codec}` : ""} · on air since {since(status.since)} · ladder {status.renditions.join(", ")}
        </p>
      ) : (
        <p className="text-sm text-muted">
          {status.running ? (ingest.source_url ? "Pulling the source…" : "Waiting for an encoder to push.") : "No worker runs this channel yet."}
          {status.since && ` Off air since ${since(status.since)}.`}
        </p>
      )}
      {status.last_error && <p className="text-sm text-danger-soft">Last problem: {status.last_error}</p>}
      {status.refused_pushes > 0 && (
        <p className="text-sm text-muted" data-testid="refused-pushes">
          Refused pushes: {status.refused_pushes}, the last from {status.last_refused_address} at {since(status.last_refused_at)}
        </p>
      )}
      {ingest.source_url ? (
        <p className="break-all text-sm">Pulls <code>{ingest.source_url}</code></p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted">Server</dt>
          <dd className="break-all"><code data-testid="rtmp-server">{ingest.rtmp_server}</code></dd>
          <dt className="text-muted">Stream key</dt>
          <dd className="break-all">
            <code data-testid="stream-key">{shown ? ingest.stream_key : "•".repeat(12)}</code>{" "}
            <button type="button" className="text-xs underline" onClick={() => setShown(!shown)}>{shown ? "Hide" : "Show"}</button>
          </dd>
        </dl>
      )}
      {error && <p role="alert" className="text-sm text-danger-soft">{error}</p>}
      {!ingest.source_url && (
        <button type="button" onClick={() => void rotate()} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">
          Rotate stream key
        </button>
      )}
    </section>
  );
}
