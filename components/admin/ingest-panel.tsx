"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { AdminChannel } from "@/lib/channels/admin";
import { useApiErrorMessage, useFormat } from "@/lib/i18n/client";

type Ingest = NonNullable<AdminChannel["ingest"]>;

/**
 * A live channel's ingest, live: where to push (server, stream key, the whole URL), rotating the key, and the feed's
 * state, size, frame rate and bitrate from /api/admin/channels/events (pushed whenever a worker reports).
 */
export function IngestPanel({ channelId, initial }: { channelId: string; initial: Ingest }) {
  const [ingest, setIngest] = useState(initial);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(false);
  const t = useTranslations("admin.ingest");
  const f = useFormat();
  const apiError = useApiErrorMessage();

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
    if (!window.confirm(t("rotateConfirm"))) return;
    const response = await fetch(`/api/admin/channels/${channelId}/stream-key`, { method: "POST" });
    const body = await response.json().catch(() => undefined);
    if (!response.ok) return setError(body?.error ? apiError(body.error, response.status) : t("rotateFailed"));
    setIngest(body.ingest);
    setShown(true);
    setError(undefined);
  }

  const { status } = ingest;
  const onAir = status.state === "on_air";
  const since = status.since ? f.time(status.since) : "";
  return (
    <section aria-labelledby="ingest" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
      <div className="flex items-center gap-3">
        <h2 id="ingest" className="flex-1 text-lg font-semibold">{t("heading")}</h2>
        <span data-testid="ingest-state" className={`rounded px-2 py-0.5 text-xs font-bold ${onAir ? "bg-red-600 text-white" : "bg-white/10 text-muted"}`}>
          {t(onAir ? "onAir" : "offAir")}
        </span>
      </div>
      {onAir ? (
        <p className="text-sm" data-testid="ingest-input">
          {t("input", {
            // Sizes as they are ("1920×1080"), not grouped like amounts.
            width: String(status.width ?? "…"),
            height: String(status.height ?? "…"),
            fps: status.fps === null ? "…" : f.number(status.fps),
            bitrate: status.bitrate_kbps === null ? "…" : f.number(status.bitrate_kbps),
            codecs: `${status.video_codec ?? "…"}${status.audio_codec ? `/${status.audio_codec}` : ""}`,
            since,
            ladder: status.renditions.join(", "),
          })}
        </p>
      ) : (
        <p className="text-sm text-muted">
          {t(status.running ? (ingest.source_url ? "pulling" : "waiting") : "noWorker")}
          {status.since && ` ${t("offAirSince", { since })}`}
        </p>
      )}
      {status.last_error && <p className="text-sm text-danger-soft">{t("lastProblem", { error: status.last_error })}</p>}
      {status.refused_pushes > 0 && (
        <p className="text-sm text-muted" data-testid="refused-pushes">
          {t("refusedPushes", { count: status.refused_pushes, address: status.last_refused_address ?? "?", time: status.last_refused_at ? f.time(status.last_refused_at) : "" })}
        </p>
      )}
      {ingest.source_url ? (
        <p className="break-all text-sm">{t.rich("pulls", { url: ingest.source_url, code: (chunks) => <code>{chunks}</code> })}</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted">{t("server")}</dt>
          <dd className="break-all"><code data-testid="rtmp-server">{ingest.rtmp_server}</code></dd>
          <dt className="text-muted">{t("streamKey")}</dt>
          <dd className="break-all">
            <code data-testid="stream-key">{shown ? ingest.stream_key : "•".repeat(12)}</code>{" "}
            <button type="button" className="text-xs underline" onClick={() => setShown(!shown)}>{t(shown ? "hide" : "show")}</button>
          </dd>
        </dl>
      )}
      {error && <p role="alert" className="text-sm text-danger-soft">{error}</p>}
      {!ingest.source_url && (
        <button type="button" onClick={() => void rotate()} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">
          {t("rotate")}
        </button>
      )}
    </section>
  );
}
