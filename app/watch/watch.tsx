import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import Player from "@/components/player/player";
import type { ProgressTarget, UpNext } from "@/components/player/types";
import type { Viewer } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { CLIENT_IP_HEADER } from "@/lib/api/internal-headers";
import { startStream, type PlaybackItem, type StreamRequest } from "@/lib/playback/streams";
import { userMessage } from "@/lib/i18n/errors";
import { refusePage } from "@/lib/site/page-status";
import { requireViewer } from "@/lib/site/session";
import { StopStreamButton } from "./stop-stream-button";

export type WatchInfo = { title: string; subtitle?: string; backHref: string; next: UpNext | null };

const NOT_FOUND = new Set(["movie_not_found", "show_not_found", "episode_not_found"]);
const HIDDEN = new Set(["maturity_restricted", "genre_blocked"]);

/** A stream start's answer: the stream, or the refusal to render. */
export type StartOutcome<T> = { stream: T; error?: never } | { stream?: never; error: ApiError };

const itemKey = (item: PlaybackItem) => (item.kind === "movie" ? item.movieId : `${item.showId}/${item.season}/${item.episode}`);

// One stream start per request, whichever of the watch layout and page asks first (React's per-request cache).
const requestSlot = cache((_key: string): { start?: Promise<StartOutcome<unknown>> } => ({}));

/** Starts a stream once per request under `key` (a watch route's layout and page share it); a refusal is its error. */
export function startOncePerRequest<T>(key: string, start: (request: StreamRequest) => Promise<T>): Promise<StartOutcome<T>> {
  const slot = requestSlot(key);
  slot.start ??= headers().then((request) =>
    start({ userAgent: request.get("user-agent") ?? undefined, ip: request.get(CLIENT_IP_HEADER) ?? undefined }).then(
      (stream) => ({ stream }),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        return { error };
      },
    ),
  );
  return slot.start as Promise<StartOutcome<T>>;
}

const startWatching = (viewer: Viewer, item: PlaybackItem) => startOncePerRequest(itemKey(item), (request) => startStream(viewer, item, request));

/**
 * The watch routes' layouts, outside their loading boundary: a document request starts the stream here, so that a
 * refusal is rendered before anything streams and answers its own status (402, 403, 409…), as the API does. A
 * client-side navigation shows the loading boundary at once and starts the stream in the page.
 */
export async function WatchGate({ item, returnTo, backHref, children }: { item: PlaybackItem; returnTo: string; backHref: string; children: React.ReactNode }) {
  if ((await headers()).get("rsc") === "1") return children;
  const { error } = await startWatching(await requireViewer(returnTo), item);
  return error ? <Refusal error={error} backHref={backHref} /> : children;
}

/** Starts the stream for the signed-in profile and renders the player, or says plainly why it cannot play. */
export async function Watch({ viewer, item, info }: { viewer: Viewer; item: PlaybackItem; info: WatchInfo }) {
  const { stream, error } = await startWatching(viewer, item);
  if (error) return <Refusal error={error} backHref={info.backHref} />;
  const target: ProgressTarget =
    item.kind === "movie"
      ? { kind: "movie_watch_progress", movie_id: item.movieId }
      : { kind: "tv_show_watch_progress", tv_show_id: item.showId, tv_show_season: item.season, tv_show_episode: item.episode };
  return <Player stream={stream} profile={viewer.profile.name} target={target} title={info.title} subtitle={info.subtitle} backHref={info.backHref} next={info.next} />;
}

function Refusal({ error, backHref }: { error: ApiError; backHref: string }) {
  if (NOT_FOUND.has(error.code)) notFound();
  // A title the profile may not see has no page to go back to.
  return <Problem error={error} backHref={HIDDEN.has(error.code) ? "/browse" : backHref} />;
}

/** The refusals with a heading of their own (messages "watch.headings"). */
const HEADINGS = [
  "subscription_required",
  "purchase_required",
  "maturity_restricted",
  "genre_blocked",
  "viewing_limit_reached",
  "stream_limit_reached",
  "media_not_ready",
  "party_full",
  "party_ended",
  "party_not_found",
] as const;

type ActiveStream = { stream_id: string; profile: string; title: string; device: string | null; started_at: string };

/** Why the video cannot play, in words, with what the viewer can do about it (also the watch-party page's). */
export async function Problem({ error, backHref }: { error: ApiError; backHref: string }) {
  refusePage(error.status);
  const [t, locale, message] = await Promise.all([getTranslations("watch"), getLocale(), userMessage(error)]);
  const headed = HEADINGS.find((code) => code === error.code);
  const streams = error.code === "stream_limit_reached" ? ((error.details as { active_streams: ActiveStream[] }).active_streams ?? []) : [];
  return (
    <main className="flex min-h-dvh items-center justify-center bg-black p-6">
      <div className="w-full max-w-lg space-y-5 text-center">
        <h1 className="text-2xl font-bold">{headed ? t(`headings.${headed}`) : t("cannotPlay")}</h1>
        <p className="text-muted">{message}</p>
        {streams.length > 0 && (
          <ul className="space-y-2 text-left">
            {streams.map((stream) => (
              <li key={stream.stream_id} className="flex items-center gap-3 rounded bg-surface-raised p-3">
                <div className="min-w-0 flex-1">
                  <p className="font-semibold">{stream.profile} · {stream.title}</p>
                  <p className="truncate text-sm text-muted">{t("streamSince", { device: stream.device ?? t("unknownDevice"), time: new Date(stream.started_at).toLocaleTimeString(locale, { timeStyle: "short" }) })}</p>
                </div>
                <StopStreamButton streamId={stream.stream_id} />
              </li>
            ))}
          </ul>
        )}
        <div className="flex justify-center gap-3">
          {error.code === "purchase_required" && (
            <Link href={backHref} className="rounded bg-brand px-5 py-2 font-semibold hover:bg-brand-strong">
              {t("rentOrBuy")}
            </Link>
          )}
          {error.code === "subscription_required" && (
            <Link href="/account#plan" className="rounded bg-brand px-5 py-2 font-semibold hover:bg-brand-strong">
              {t("seePlans")}
            </Link>
          )}
          <Link href={backHref} className="rounded px-5 py-2 ring-1 ring-white/40 hover:bg-white/10">
            {t("back")}
          </Link>
        </div>
      </div>
    </main>
  );
}
