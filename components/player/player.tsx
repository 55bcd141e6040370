"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Controls } from "./controls";
import { BackIcon, PlayIcon } from "./icons";
import { ErrorMessage, SkipIntro, Spinner, UpNextCard } from "./overlays";
import { endStream } from "./playback-api";
import { useThumbnails } from "./thumbnails";
import type { PlayerStream, ProgressTarget, UpNext } from "./types";
import { useFullscreen, useIdle, useSubtitles } from "./use-player-ui";
import { useHls } from "./use-hls";
import { useKeyboardShortcuts } from "./use-keyboard";
import { usePlaybackAnalytics } from "./use-playback-analytics";
import { useProgressReporter } from "./use-progress-reporter";
import { useVideoState } from "./use-video-state";

type Props = { stream: PlayerStream; profile: string; target: ProgressTarget; title: string; subtitle?: string; backHref: string; next: UpNext | null };

/** The full-screen player: HLS, progress reporting, controls, shortcuts, previews, skip intro and up next. */
export default function Player({ stream, profile, target, title, subtitle, backHref, next }: Props) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const analytics = usePlaybackAnalytics(video, stream.stream_id);
  const hls = useHls(video, stream.manifest_url, stream.resume_from, analytics);
  const state = useVideoState(video, stream.duration_seconds ?? 0);
  const thumbnails = useThumbnails(stream.thumbnails_url, video);
  const subtitles = useSubtitles(video, stream.subtitles);
  const fullscreen = useFullscreen(container);
  const { idle, wake } = useIdle(!state.paused);
  const [blocked, setBlocked] = useState(false);
  const [upNextDismissed, setUpNextDismissed] = useState(false);
  useProgressReporter(video, profile, target, stream.stream_id);

  // Start as soon as the first frames can play; a browser that refuses autoplay gets a big play button. (An earlier
  // play() would be aborted by hls.js attaching the source.)
  useEffect(() => {
    const media = video.current;
    const start = () => media?.play().catch((error: DOMException) => error.name === "NotAllowedError" && setBlocked(true));
    media?.addEventListener("canplay", start, { once: true });
    return () => media?.removeEventListener("canplay", start);
  }, []);

  const actions = useMemo(() => {
    const media = () => video.current!;
    const seekTo = (time: number) => (media().currentTime = Math.max(0, Math.min(time, media().duration || time)));
    return {
      toggle: () => (media().paused ? media().play().then(() => setBlocked(false), () => undefined) : media().pause()),
      seekTo,
      seekBy: (seconds: number) => seekTo(media().currentTime + seconds),
      mute: () => (media().muted = !media().muted),
      setVolume: (volume: number) => ((media().volume = volume), (media().muted = volume === 0)),
      volumeBy: (delta: number) => ((media().volume = Math.min(1, Math.max(0, media().volume + delta))), (media().muted = false)),
      fullscreen: fullscreen.toggle,
    };
  }, [fullscreen.toggle]);
  useKeyboardShortcuts(actions, wake);

  const playNext = useCallback(async () => {
    if (!next) return;
    video.current?.pause(); // writes the final position
    await endStream(stream.stream_id); // frees the slot before the next episode asks for one
    router.push(next.href);
  }, [next, router, stream.stream_id]);

  const { intro } = stream;
  const inIntro = intro !== null && state.current >= intro.start && state.current < intro.end - 1;
  const creditsAt = stream.credits_start ?? Math.max(0, state.duration - 20);
  const showUpNext = next !== null && !upNextDismissed && state.duration > 0 && (state.ended || state.current >= creditsAt);
  const chrome = !idle || state.paused || blocked;
  const qualityOptions = [{ value: "-1", label: hls.playing && hls.quality === -1 ? `Auto (${hls.playing})` : "Auto" }, ...hls.qualities.map((q) => ({ value: String(q.index), label: q.name }))];

  return (
    <div
      ref={container}
      className={`fixed inset-0 bg-black text-white select-none ${chrome ? "" : "cursor-none"}`}
      onPointerMove={wake}
      data-testid="player"
    >
      <video
        ref={video}
        className="size-full"
        playsInline
        crossOrigin="anonymous"
        onClick={() => (actions.toggle(), wake())}
        onDoubleClick={actions.fullscreen}
        aria-label={title}
      >
        {stream.subtitles.map((track) => (
          <track key={track.language} kind="subtitles" src={track.url} srcLang={track.language} label={track.label} />
        ))}
      </video>
      {state.waiting && !state.paused && !hls.error && <Spinner />}
      {blocked && !hls.error && (
        <button type="button" aria-label="Play" onClick={actions.toggle} className="absolute top-1/2 left-1/2 flex size-24 -translate-1/2 items-center justify-center rounded-full bg-black/60 ring-2 ring-white/80 hover:bg-brand">
          <PlayIcon />
        </button>
      )}
      <div className={`transition-opacity duration-300 ${chrome ? "opacity-100" : "pointer-events-none opacity-0"}`}>
        <div className="absolute inset-x-0 top-0 flex items-center gap-4 bg-gradient-to-b from-black/80 to-transparent px-6 pt-4 pb-12">
          <Link href={backHref} prefetch={false} aria-label="Back" className="rounded-full p-2 hover:bg-white/10">
            <BackIcon />
          </Link>
          <div>
            <h1 className="text-lg font-semibold">{title}</h1>
            {subtitle && <p className="text-sm text-muted">{subtitle}</p>}
          </div>
        </div>
        <Controls
          state={state}
          thumbnails={thumbnails}
          qualityOptions={qualityOptions}
          quality={String(hls.quality)}
          onQuality={(value) => hls.setQuality(Number(value))}
          subtitleOptions={subtitles.options}
          subtitle={subtitles.selected}
          onSubtitle={subtitles.select}
          fullscreen={fullscreen.active}
          actions={actions}
        />
      </div>
      {inIntro && !showUpNext && <SkipIntro onSkip={() => actions.seekTo(intro.end)} />}
      {showUpNext && next && <UpNextCard next={next} onPlay={playNext} onDismiss={() => setUpNextDismissed(true)} />}
      {hls.error && <ErrorMessage error={hls.error} onRetry={hls.retry} />}
    </div>
  );
}
