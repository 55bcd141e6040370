"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { AdminJobView } from "@/lib/admin/jobs";
import { useApiErrorMessage, useFormat } from "@/lib/i18n/client";

const POLL_MS = 2000;
const running = new Set(["probing", "encoding", "thumbnails"]);

/**
 * The transcode queue, live: server-sent events from /api/admin/jobs/events; should the stream fail for good (a proxy
 * that refuses it, an old browser), it polls every two seconds while the page is visible. With retry and cancel.
 */
export function JobsLive({ initial, assetId }: { initial: AdminJobView[]; assetId?: string }) {
  const [jobs, setJobs] = useState(initial);
  const [error, setError] = useState<string>();
  const [polling, setPolling] = useState(false);
  const t = useTranslations("admin.jobs");
  const f = useFormat();
  const apiError = useApiErrorMessage();
  const query = assetId ? `?asset_id=${assetId}&limit=5` : "?limit=100";
  // One video's jobs (a show's page has one panel per episode) follow along only while one is unfinished: browsers
  // allow six connections per server, and idle streams would take them all.
  const live = !assetId || jobs.some((job) => job.stage === "queued" || running.has(job.stage));

  async function refresh() {
    const response = await fetch(`/api/admin/jobs${query}`, { cache: "no-store" }).catch(() => undefined);
    if (response?.ok) {
      setJobs((await response.json()).items);
      setError(undefined);
    } else setError(t("paused"));
  }

  useEffect(() => {
    if (!live || polling || typeof EventSource === "undefined") return;
    const events = new EventSource(`/api/admin/jobs/events${query}`);
    events.addEventListener("jobs", (event) => {
      setJobs(JSON.parse(event.data).items);
      setError(undefined);
    });
    // EventSource retries dropped connections itself; CLOSED means it gave up (an error status or a non-stream answer).
    events.onerror = () => events.readyState === EventSource.CLOSED && setPolling(true);
    return () => events.close();
  }, [query, polling, live]);

  useEffect(() => {
    if (!live || (!polling && typeof EventSource !== "undefined")) return;
    const timer = setInterval(() => document.visibilityState === "visible" && void refresh(), POLL_MS);
    return () => clearInterval(timer);
  });

  async function act(id: string, action: "retry" | "cancel") {
    const response = await fetch(`/api/admin/jobs/${id}/${action}`, { method: "POST" });
    if (!response.ok) {
      const refusal = (await response.json().catch(() => undefined))?.error;
      setError(refusal ? apiError(refusal, response.status) : t(action === "retry" ? "retryFailed" : "cancelFailed"));
    }
    await refresh();
  }

  if (jobs.length === 0) return <p className="text-muted">{t("none")}</p>;
  return (
    <div className="space-y-2">
      {error && <p role="alert" className="text-sm text-danger-soft">{error}</p>}
      <ul className="divide-y divide-white/10 rounded-lg bg-surface-raised ring-1 ring-white/10">
        {jobs.map((job) => (
          <li key={job.id} id={job.id} className="grid gap-2 p-4 sm:grid-cols-[1fr_12rem_auto] sm:items-center" aria-label={t("job", { label: job.label ?? job.id })}>
            <div className="min-w-0">
              <p className="truncate font-medium">{job.label ?? t("unattached")}</p>
              <p className="text-xs text-muted">
                {t("meta", { id: job.id.slice(0, 8), attempt: job.attempts, max: job.max_attempts, date: f.dateTime(job.created_at) })}
              </p>
              {job.error && <p className="mt-1 text-sm text-danger-soft">{job.error}</p>}
            </div>
            <div>
              <p className="text-sm" data-stage={job.stage}>
                <span className="font-semibold capitalize">{t(`stages.${job.stage}`)}</span>
                {running.has(job.stage) && ` · ${f.percent(Math.floor(job.percent) / 100)}`}
                {job.eta_seconds !== null && job.eta_seconds > 0 && ` · ${f.timeLeft(0, job.eta_seconds)}`}
              </p>
              {running.has(job.stage) && <progress max={100} value={job.percent} aria-label={t("progress")} className="h-1.5 w-full accent-brand" />}
            </div>
            <div className="flex gap-2">
              {(job.stage === "failed" || job.stage === "canceled") && (
                <button type="button" onClick={() => void act(job.id, "retry")} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">
                  {t("retry")}
                </button>
              )}
              {(job.stage === "queued" || running.has(job.stage)) && (
                <button type="button" onClick={() => void act(job.id, "cancel")} className="rounded-md px-3 py-1.5 text-sm text-danger-soft ring-1 ring-danger/60 hover:bg-danger/15">
                  {t("cancel")}
                </button>
              )}
              {job.stage === "failed" && (
                <a href={`/api/admin/jobs/${job.id}`} className="rounded-md px-3 py-1.5 text-sm underline" target="_blank" rel="noreferrer">
                  {t("log")}
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
