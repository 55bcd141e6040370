"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useApiErrorMessage, useFormat } from "@/lib/i18n/client";
import { tusUpload, UploadError, type TusProgress } from "./tus-client";

type State = TusProgress & { phase: "idle" | "uploading" | "paused" | "done" | "error"; retryIn?: number; failure?: unknown; jobId?: string };

/** Picks a video and uploads it resumably (tus), with a progress bar, pause/resume and automatic retry. */
export function UploadVideo({ titleId, episodeId, label }: { titleId?: string; episodeId?: string; label?: string }) {
  const router = useRouter();
  const t = useTranslations("admin.upload");
  const f = useFormat();
  const apiError = useApiErrorMessage();
  const [state, setState] = useState<State>({ phase: "idle", sent: 0, total: 0 });
  const controller = useRef<AbortController | null>(null);
  const file = useRef<File | null>(null);

  async function run() {
    if (!file.current) return;
    controller.current = new AbortController();
    setState((s) => ({ ...s, phase: "uploading", retryIn: undefined, failure: undefined }));
    try {
      const result = await tusUpload(file.current, {
        metadata: { title_id: titleId, episode_id: episodeId },
        signal: controller.current.signal,
        onProgress: (progress) => setState((s) => ({ ...s, ...progress })),
        onRetry: (seconds) => setState((s) => ({ ...s, retryIn: seconds })),
      });
      setState((s) => ({ ...s, phase: "done", jobId: result.jobId ?? undefined, retryIn: undefined }));
      router.refresh();
    } catch (error) {
      const aborted = controller.current.signal.aborted;
      setState((s) => ({ ...s, phase: aborted ? "paused" : "error", retryIn: undefined, failure: aborted ? undefined : error }));
    }
  }

  // Refusals in the page's language by their code; anything else that stopped the upload was the connection.
  const failure = (error: unknown) =>
    error instanceof UploadError && error.reason === "refused" ? apiError(error.refusal, error.status) : t(error instanceof UploadError && error.reason === "failing" ? "failing" : "dropped");

  const percent = state.total ? Math.floor((state.sent / state.total) * 100) : 0;
  return (
    <div className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
      <label className="block text-sm font-medium">
        {label ?? t("label")}
        <input
          type="file"
          accept="video/*,.mkv,.ts,.m2ts"
          disabled={state.phase === "uploading"}
          onChange={(event) => {
            file.current = event.target.files?.[0] ?? null;
            if (file.current) void run();
          }}
          className="mt-2 block w-full text-sm text-muted file:mr-3 file:rounded-md file:border-0 file:bg-white/15 file:px-3 file:py-2 file:text-white"
        />
      </label>
      {state.phase !== "idle" && (
        <div className="space-y-2">
          <progress max={100} value={percent} aria-label={t("progress")} className="h-2 w-full accent-brand" />
          <p className="text-sm text-muted" aria-live="polite">
            {state.phase === "done" ? t("done") : t("sent", { percent: f.percent(percent / 100), sent: f.fileSize(state.sent), total: f.fileSize(state.total) })}
            {state.phase === "paused" && ` · ${t("paused")}`}
            {state.retryIn !== undefined && ` · ${t("retrying", { seconds: state.retryIn })}`}
            {state.failure !== undefined && ` · ${failure(state.failure)}`}
          </p>
          {state.phase === "done" && state.jobId && (
            <p className="text-sm">
              {t.rich("queued", {
                link: (chunks) => (
                  <Link href={`/admin/jobs#${state.jobId}`} className="underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
          {state.phase === "uploading" && (
            <button type="button" onClick={() => controller.current?.abort()} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">
              {t("pause")}
            </button>
          )}
          {(state.phase === "paused" || state.phase === "error") && file.current && (
            <button type="button" onClick={() => void run()} className="rounded-md bg-brand px-3 py-1.5 text-sm font-semibold hover:bg-brand-strong">
              {t("resume")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
