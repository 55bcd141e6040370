"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { tusUpload, type TusProgress } from "./tus-client";

type State = TusProgress & { phase: "idle" | "uploading" | "paused" | "done" | "error"; message?: string; jobId?: string };

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;

/** Picks a video and uploads it resumably (tus), with a progress bar, pause/resume and automatic retry. */
export function UploadVideo({ titleId, episodeId, label = "Upload a video" }: { titleId?: string; episodeId?: string; label?: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ phase: "idle", sent: 0, total: 0 });
  const controller = useRef<AbortController | null>(null);
  const file = useRef<File | null>(null);

  async function run() {
    if (!file.current) return;
    controller.current = new AbortController();
    setState((s) => ({ ...s, phase: "uploading", message: undefined }));
    try {
      const result = await tusUpload(file.current, {
        metadata: { title_id: titleId, episode_id: episodeId },
        signal: controller.current.signal,
        onProgress: (progress) => setState((s) => ({ ...s, ...progress })),
        onRetry: (message) => setState((s) => ({ ...s, message })),
      });
      setState((s) => ({ ...s, phase: "done", jobId: result.jobId ?? undefined, message: undefined }));
      router.refresh();
    } catch (error) {
      const aborted = controller.current.signal.aborted;
      setState((s) => ({ ...s, phase: aborted ? "paused" : "error", message: aborted ? undefined : (error as Error).message }));
    }
  }

  const percent = state.total ? Math.floor((state.sent / state.total) * 100) : 0;
  return (
    <div className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
      <label className="block text-sm font-medium">
        {label}
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
          <progress max={100} value={percent} aria-label="Upload progress" className="h-2 w-full accent-brand" />
          <p className="text-sm text-muted" aria-live="polite">
            {state.phase === "done" ? "Uploaded. " : `${percent}% · ${mib(state.sent)} of ${mib(state.total)}`}
            {state.phase === "paused" && " · paused"}
            {state.message && ` · ${state.message}`}
          </p>
          {state.phase === "done" && state.jobId && (
            <p className="text-sm">
              Transcoding is queued: <Link href={`/admin/jobs#${state.jobId}`} className="underline">follow the job</Link>.
            </p>
          )}
          {state.phase === "uploading" && (
            <button type="button" onClick={() => controller.current?.abort()} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">
              Pause
            </button>
          )}
          {(state.phase === "paused" || state.phase === "error") && file.current && (
            <button type="button" onClick={() => void run()} className="rounded-md bg-brand px-3 py-1.5 text-sm font-semibold hover:bg-brand-strong">
              Resume
            </button>
          )}
        </div>
      )}
    </div>
  );
}
